package org.renovo.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.renovo.error.ModelFormatException;
import org.renovo.model.ncnn.NcnnToOnnxConverter;
import org.renovo.model.onnx.DemoModel;

/**
 * The models a user can name: the built-in {@code demo-x2} and every {@code <id>.onnx} in the models
 * folder ({@code $RENOVO_MODELS}, else {@code ~/.renovo/models}; Fiji passes {@code Fiji.app/models/renovo}),
 * each with an optional card {@code <id>.json}. A model whose file is missing or whose card is refused
 * is not offered ({@link #ids()}) and {@link #resolve} names its problem; the others stay usable.
 * Reads the folder on every call, so it sees models added or removed meanwhile. Never downloads anything.
 */
public final class ModelRegistry {

	/** Card tasks; {@code upscale} is also the task of models without a card. */
	public static final String UPSCALE = "upscale", DENOISE = "denoise";

	private final Path directory, cacheDir;

	public ModelRegistry(final Path directory) {
		this(directory, GeometryResolver.defaultCacheDirectory());
	}

	/** @param cacheDir where ncnn models named by their {@code .param} are kept once converted */
	public ModelRegistry(final Path directory, final Path cacheDir) {
		this.directory = directory;
		this.cacheDir = cacheDir;
	}

	/** The folder named by {@code RENOVO_MODELS}, else {@code ~/.renovo/models}. */
	public static Path defaultDirectory() {
		final String env = System.getenv("RENOVO_MODELS");
		if (env != null && !env.isEmpty()) return Paths.get(env);
		return Paths.get(System.getProperty("user.home"), ".renovo", "models");
	}

	public Path directory() {
		return directory;
	}

	/** The card of installed model {@code id}, if it has one. */
	public java.util.Optional<ModelCard> card(final String id) {
		final Path card = directory.resolve(id + ".json");
		return Files.isRegularFile(card) ? java.util.Optional.of(ModelCard.read(card)) : java.util.Optional.empty();
	}

	/** Ids of the usable models, the demo first, then the folder's in id order (see {@link #installed()}). */
	public List<String> ids() {
		final List<String> ids = new ArrayList<>();
		ids.add(DemoModel.ID);
		for (final InstalledModel m : installed())
			if (m.isUsable()) ids.add(m.id());
		return ids;
	}

	/**
	 * Ids of the usable models for one task, in id order: those whose card says {@code task}. A model
	 * without a card counts as an upscale model (the usual case for a downloaded ONNX file; its scale is
	 * measured at run time), and {@code demo-x2} comes first among the upscale models.
	 */
	public List<String> idsForTask(final String task) {
		final List<String> ids = new ArrayList<>();
		if (UPSCALE.equals(task)) ids.add(DemoModel.ID);
		for (final InstalledModel m : installed())
			if (m.isUsable() && m.card().map(c -> task.equals(c.task())).orElse(UPSCALE.equals(task))) ids.add(m.id());
		return ids;
	}

	/** Every model of the folder, usable or not, in id order; the demo is not among them. */
	public List<InstalledModel> installed() {
		return ModelFolder.scan(directory);
	}

	/**
	 * The model named by an id from {@link #ids()}, by a path to an {@code .onnx} file, or by a path to an
	 * ncnn {@code .param} file with its {@code .bin} beside it (converted once, kept in the cache folder).
	 * A card {@code <name>.json} beside either file supplies geometry and pre-processing.
	 *
	 * @throws ModelFormatException naming the id and the folder searched, when there is no such model
	 */
	public Model resolve(final String idOrPath) {
		if (idOrPath.endsWith(".onnx")) return fromFile(Paths.get(idOrPath));
		if (idOrPath.endsWith(".param")) return fromNcnn(Paths.get(idOrPath));
		if (idOrPath.equals(DemoModel.ID)) return demo();
		final List<InstalledModel> installed = installed();
		final InstalledModel model = installed.stream().filter(m -> m.id().equals(idOrPath)).findFirst().orElse(null);
		if (model == null) throw new ModelFormatException("No model '" + idOrPath + "' in " + directory + ". Known models: " + ids() + "; install the default models with 'bin/renovo models fetch', or give a path to an .onnx or .param file.");
		if (!model.isUsable()) throw new ModelFormatException(model.problem().get());
		return fromFile(model.file());
	}

	private static Model fromFile(final Path file) {
		if (!Files.isRegularFile(file)) throw new ModelFormatException("Model file not found: " + file + ". Check the path.");
		return withCard(baseName(file, ".onnx"), file, file);
	}

	private Model fromNcnn(final Path param) {
		if (!Files.isRegularFile(param)) throw new ModelFormatException("ncnn model file not found: " + param + ". Check the path.");
		final String id = baseName(param, ".param");
		final Path bin = param.resolveSibling(id + ".bin");
		if (!Files.isRegularFile(bin)) throw new ModelFormatException("The weights " + bin.getFileName() + " are missing beside " + param + ": an ncnn model is a .param file and a .bin file of the same name in one folder.");
		return withCard(id, NcnnToOnnxConverter.cached(param, bin, cacheDir), param);
	}

	/** The model with the card {@code <id>.json} beside {@code named}, if there is one. */
	private static Model withCard(final String id, final Path onnx, final Path named) {
		final Path card = named.resolveSibling(id + ".json");
		if (!Files.isRegularFile(card)) return new Model(id, onnx, null);
		final ModelCard c = ModelCard.read(card);
		return new Model(id, onnx, c.geometry(), c.padding());
	}

	private static String baseName(final Path file, final String extension) {
		final String name = file.getFileName().toString();
		return name.substring(0, name.length() - extension.length());
	}

	/** The demo model, generated into the models folder on first use (or a temporary folder if that is read-only). */
	private Model demo() {
		final Path file = directory.resolve(DemoModel.ID + ".onnx");
		try {
			if (!Files.isRegularFile(file)) DemoModel.write(file);
			return new Model(DemoModel.ID, file, null);
		}
		catch (final IOException e) {
			try {
				final Path tmp = Files.createTempDirectory("renovo-models").resolve(DemoModel.ID + ".onnx");
				DemoModel.write(tmp);
				return new Model(DemoModel.ID, tmp, null);
			}
			catch (final IOException e2) {
				e2.addSuppressed(e);
				throw new ModelFormatException("Cannot write the demo model to " + file + " or a temporary folder: " + e2.getMessage(), e2);
			}
		}
	}
}
