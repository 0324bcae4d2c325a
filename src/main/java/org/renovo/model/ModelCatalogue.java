package org.renovo.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.renovo.engine.InferenceEngine;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.OutputException;
import org.renovo.model.ChecksumCheck.Status;

/**
 * Manages the models folder for Fiji's {@code Models...} command and {@code renovo models}: list, import,
 * remove, verify. Never touches a file outside the folder; never downloads.
 * <pre>{@code
 * ModelCatalogue catalogue = new ModelCatalogue(ModelRegistry.defaultDirectory());
 * ModelCard card = catalogue.importModel(new ModelImport(Paths.get("my-x4.onnx"), null, ModelImport.AUTO, 0));
 * catalogue.verify().forEach(System.out::println);
 * catalogue.remove(card.id());
 * }</pre>
 * Not synchronised: two imports of one id at once may both pass the "already installed" check.
 */
public final class ModelCatalogue {

	private final Path directory;
	private final ModelImporter importer;

	public ModelCatalogue(final Path directory) {
		this(directory, OrtInferenceEngine::new);
	}

	/** @param probeEngines makes the engine an import probes with; the catalogue closes it after each import */
	public ModelCatalogue(final Path directory, final Supplier<? extends InferenceEngine> probeEngines) {
		this.directory = directory;
		this.importer = new ModelImporter(directory, probeEngines);
	}

	public Path directory() {
		return directory;
	}

	/** Every model of the folder, usable or not, in id order (the built-in demo is not among them). */
	public List<InstalledModel> list() {
		return ModelFolder.scan(directory);
	}

	/**
	 * Converts (ncnn), probes, then installs {@code <id>.onnx} and its card with the SHA-256 of the
	 * installed file (and of the ncnn files); nothing is added when any step fails.
	 *
	 * @return the card written
	 * @throws org.renovo.error.ModelFormatException when the model cannot be used (two inputs, corrupt, ...)
	 * @throws InvalidOptionsException when the id is taken or reserved, or the task or scale contradicts the probe
	 */
	public ModelCard importModel(final ModelImport request) {
		try {
			return importer.importModel(request);
		}
		catch (final IOException e) {
			throw new OutputException("Cannot install " + request.id() + " into " + directory + ": " + e.getMessage() + ". Check that the folder is writable; nothing was installed.", e);
		}
	}

	/**
	 * Deletes {@code <id>.onnx} and {@code <id>.json} from the folder, whichever exist.
	 *
	 * @return the files deleted
	 * @throws InvalidOptionsException listing the installed ids when there is no such model
	 */
	public List<Path> remove(final String id) {
		final InstalledModel model = list().stream().filter(m -> m.id().equals(id)).findFirst()
			.orElseThrow(() -> new InvalidOptionsException("No model '" + id + "' in " + directory + " to remove. Installed: " + ids() + "."));
		final List<Path> deleted = new ArrayList<>();
		for (final Path file : List.of(model.file(), model.cardFile())) {
			// NB: ids come from file names in the folder, so this holds; checked anyway, as the one place that deletes.
			if (!file.getParent().equals(directory)) throw new IllegalStateException("Refusing to delete " + file + ": not in " + directory);
			try {
				if (Files.deleteIfExists(file)) deleted.add(file);
			}
			catch (final IOException e) {
				throw new OutputException("Cannot delete " + file + ": " + e.getMessage() + ". Check the folder's permissions.", e);
			}
		}
		return deleted;
	}

	/** Each model's file against its card's {@code sha256.onnx}, in id order. Reads every model file whole. */
	public List<ChecksumCheck> verify() {
		final List<ChecksumCheck> checks = new ArrayList<>();
		for (final InstalledModel m : list())
			checks.add(check(m));
		return checks;
	}

	/** One line: how many models are in each state, e.g. {@code 25 ok, 1 MISMATCH}. */
	public static String summary(final List<ChecksumCheck> checks) {
		final Map<Status, Integer> counts = new EnumMap<>(Status.class);
		checks.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
		final List<String> parts = new ArrayList<>();
		counts.forEach((status, n) -> parts.add(n + " " + status.label()));
		return parts.isEmpty() ? "no models installed" : String.join(", ", parts);
	}

	// -- Helper methods --

	private List<String> ids() {
		final List<String> ids = new ArrayList<>();
		list().forEach(m -> ids.add(m.id()));
		return ids;
	}

	private static ChecksumCheck check(final InstalledModel m) {
		if (m.status() == InstalledModel.Status.BAD_CARD) return new ChecksumCheck(m.id(), Status.BAD_CARD, m.problem().get());
		if (!Files.isRegularFile(m.file())) return new ChecksumCheck(m.id(), Status.MISSING_FILE, m.file() + " is missing");
		final String expected = m.card().map(c -> c.sha256().get("onnx")).orElse(null);
		if (expected == null) return new ChecksumCheck(m.id(), Status.NO_CHECKSUM, m.card().isPresent() ? "no checksum recorded: the card has no sha256.onnx" : "no checksum recorded: no card");
		final String actual = Sha256.of(m.file());
		if (!expected.equals(actual)) return new ChecksumCheck(m.id(), Status.MISMATCH, m.file().getFileName() + ": expected SHA-256 " + expected + ", actual " + actual + "; install or import it again");
		return new ChecksumCheck(m.id(), Status.OK, "SHA-256 " + actual);
	}
}
