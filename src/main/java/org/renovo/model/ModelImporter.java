package org.renovo.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceEngine;
import org.renovo.engine.InferenceSession;
import org.renovo.engine.ModelSignature;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.ModelFormatException;
import org.renovo.model.ncnn.NcnnModel;
import org.renovo.model.ncnn.NcnnToOnnxConverter;
import org.renovo.model.onnx.OnnxGraphs;
import org.renovo.tiling.ModelGeometry;

/**
 * Imports one user model into a models folder: converts an ncnn pair, runs the probe on a staged copy
 * in a temporary folder, and only then moves {@code <id>.onnx} into the folder and writes its card. On
 * any failure the models folder is left as it was. The probe uses an engine of its own, closed at the
 * end, so no session stays open on the staged copy.
 */
final class ModelImporter {

	private final Path directory;
	private final Supplier<? extends InferenceEngine> probeEngines;

	ModelImporter(final Path directory, final Supplier<? extends InferenceEngine> probeEngines) {
		this.directory = directory;
		this.probeEngines = probeEngines;
	}

	ModelCard importModel(final ModelImport request) throws IOException {
		final String id = request.id();
		refuseTaken(id);
		final Path stage = Files.createTempDirectory("renovo-import-");
		try {
			final Path staged = stage.resolve(id + ".onnx");
			final ModelCard card = stageAndProbe(request, staged);
			install(staged, card);
			return card;
		}
		finally {
			deleteTree(stage);
		}
	}

	// -- Helper methods --

	private ModelCard stageAndProbe(final ModelImport request, final Path staged) throws IOException {
		final NcnnModel ncnn = request.isNcnn() ? NcnnToOnnxConverter.convert(request.file(), request.bin()) : null;
		if (ncnn != null) ncnn.write(staged);
		else Files.copy(request.file(), staged);
		final ModelGeometry geometry;
		final int channels;
		try (InferenceEngine engine = probeEngines.get()) {
			final InferenceSession session = engine.session(staged, DeviceChoice.CPU);
			channels = checkSignature(request, session.signature());
			final ModelGeometry probed = GeometryProbe.probe(session, channels);
			geometry = ncnn != null ? ncnn.graphGeometry().confirm(probed, request.id()) : probed.withWholeInput(OnnxGraphs.poolsGlobally(staged));
		}
		catch (final ModelFormatException e) {
			throw new ModelFormatException("Cannot import " + request.file() + ": " + firstLine(e).replace(staged.toString(), staged.getFileName().toString()) + " Nothing was installed.", e);
		}
		final ModelCard.Builder card = ModelCard.builder(request.id()).task(request.task(geometry.scale())).channels(channels).geometry(geometry)
			.license(ModelImport.UNKNOWN_LICENCE, null).source(ModelCard.Source.imported(request.file().toAbsolutePath(), ncnn == null ? null : request.file().toAbsolutePath(), ncnn == null ? null : request.bin().toAbsolutePath()));
		if (ncnn != null) card.sha256("param", Sha256.of(request.file())).sha256("bin", Sha256.of(request.bin()));
		return card.sha256("onnx", Sha256.of(staged)).build();
	}

	private static int checkSignature(final ModelImport request, final ModelSignature s) {
		if (s.inputHeight() != ModelSignature.DYNAMIC || s.inputWidth() != ModelSignature.DYNAMIC)
			throw new ModelFormatException("its input size is fixed (" + s + "); Renovo needs dynamic height and width: re-export the model with dynamic axes.");
		if (s.outputChannels() != s.inputChannels())
			throw new ModelFormatException("it turns " + s.inputChannels() + " channels into " + s.outputChannels() + "; Renovo runs models whose output has the input's channels.");
		return s.inputChannels();
	}

	/** Moves the staged model in under a hidden name, renames it, then writes the card; undoes the move if the card fails. */
	private void install(final Path staged, final ModelCard card) throws IOException {
		Files.createDirectories(directory);
		refuseTaken(card.id());
		final Path file = directory.resolve(card.id() + ".onnx"), part = directory.resolve("." + card.id() + ".onnx.part");
		Files.copy(staged, part, StandardCopyOption.REPLACE_EXISTING);
		Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
		try {
			card.write(directory.resolve(card.id() + ".json"));
		}
		catch (final IOException | RuntimeException e) {
			Files.delete(file);
			throw e;
		}
	}

	private void refuseTaken(final String id) {
		if (ModelImport.RESERVED_IDS.contains(id)) throw new InvalidOptionsException("The id '" + id + "' is reserved (" + String.join(", ", ModelImport.RESERVED_IDS) + " mean something to the commands): choose another with model=... (--id).");
		final List<InstalledModel> installed = ModelFolder.scan(directory);
		for (final InstalledModel m : installed)
			if (m.id().equals(id)) throw new InvalidOptionsException("A model '" + id + "' is already installed in " + directory + ": remove it first (action=remove model=" + id + ", or 'renovo models remove --id " + id + "'), or import under another id (model=..., --id).");
	}

	private static String firstLine(final RuntimeException e) {
		return e.getMessage().split("\\R", 2)[0];
	}

	private static void deleteTree(final Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}
}
