package org.renovo.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.renovo.error.ModelFormatException;
import org.renovo.model.onnx.DemoModel;

/**
 * The models a user can name: the built-in {@code demo-x2} and every {@code <id>.onnx} in the models
 * folder ({@code $RENOVO_MODELS}, else {@code ~/.renovo/models}; Fiji passes {@code Fiji.app/models/renovo}),
 * each with an optional card {@code <id>.json}. Never downloads anything.
 */
public final class ModelRegistry {

	private final Path directory;

	public ModelRegistry(final Path directory) {
		this.directory = directory;
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

	/** Ids of the available models, the demo first, then the folder's in name order. */
	public List<String> ids() {
		final List<String> ids = new ArrayList<>();
		ids.add(DemoModel.ID);
		if (!Files.isDirectory(directory)) return ids;
		try (Stream<Path> files = Files.list(directory)) {
			files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".onnx")).map(n -> n.substring(0, n.length() - 5))
				.filter(id -> !id.equals(DemoModel.ID)).sorted().forEach(ids::add);
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot list the models folder " + directory + ": " + e.getMessage(), e);
		}
		return ids;
	}

	/**
	 * The model named by an id from {@link #ids()} or by a path to an {@code .onnx} file.
	 *
	 * @throws ModelFormatException naming the id and the folder searched, when there is no such model
	 */
	public Model resolve(final String idOrPath) {
		if (idOrPath.endsWith(".onnx")) return fromFile(Paths.get(idOrPath));
		if (idOrPath.equals(DemoModel.ID)) return demo();
		final Path file = directory.resolve(idOrPath + ".onnx");
		if (!Files.isRegularFile(file)) throw new ModelFormatException("No model '" + idOrPath + "' in " + directory + ". Known models: " + ids() + "; or give a path to an .onnx file.");
		return fromFile(file);
	}

	private static Model fromFile(final Path file) {
		if (!Files.isRegularFile(file)) throw new ModelFormatException("Model file not found: " + file + ". Check the path.");
		final String name = file.getFileName().toString();
		final String id = name.substring(0, name.length() - ".onnx".length());
		final Path card = file.resolveSibling(id + ".json");
		if (!Files.isRegularFile(card)) return new Model(id, file, null);
		final ModelCard c = ModelCard.read(card);
		return new Model(id, file, c.geometry(), c.padding());
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
