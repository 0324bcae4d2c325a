package org.renovo.model.ncnn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceEngine;
import org.renovo.engine.InferenceSession;
import org.renovo.error.ModelFormatException;
import org.renovo.model.GeometryProbe;
import org.renovo.model.ModelCard;
import org.renovo.model.Sha256;
import org.renovo.tiling.ModelGeometry;

/**
 * Installs one ncnn model described by a card template (from {@code models/cards/}): checks the
 * {@code .param} and {@code .bin} against the template's SHA-256, converts them, measures the geometry
 * (graph walk confirmed by a probe run), and writes {@code <id>.onnx} and the completed {@code <id>.json}
 * into a folder. When the template already gives a geometry, the measurement must agree with it.
 * Thread-safe if the engine is.
 */
public final class NcnnInstaller {

	private final InferenceEngine engine;

	public NcnnInstaller(final InferenceEngine engine) {
		this.engine = engine;
	}

	/**
	 * @param template the card to complete; its {@code source.param} and {@code source.bin} are paths
	 *        under {@code packageRoot} (the unpacked npm package, holding {@code package/})
	 * @return the written card
	 * @throws ModelFormatException when a file is missing, its checksum differs, or it does not convert
	 */
	public ModelCard install(final ModelCard template, final Path packageRoot, final Path outDir) throws IOException {
		final String id = template.id();
		if (template.source() == null) throw new ModelFormatException("Card " + id + " has no source to install from.");
		final Path param = packageRoot.resolve(template.source().param()), bin = packageRoot.resolve(template.source().bin());
		final ModelCard.Builder card = template.toBuilder();
		card.sha256("param", check(template, "param", param)).sha256("bin", check(template, "bin", bin));
		final NcnnModel model = NcnnToOnnxConverter.convert(param, bin);
		final Path onnx = outDir.resolve(id + ".onnx");
		model.write(onnx);
		final InferenceSession session = engine.session(onnx, DeviceChoice.CPU);
		final ModelGeometry g = model.graphGeometry().confirm(GeometryProbe.probe(session, model.inputChannels()), id);
		if (template.declaresGeometry() && !template.geometry().equals(g))
			throw new ModelFormatException("Model " + id + " measures " + g + " but its card says " + template.geometry() + ": the converter or the weights changed; check, then update the card.");
		final ModelCard done = card.geometry(g).channels(model.inputChannels()).sha256("onnx", Sha256.of(onnx)).build();
		done.write(outDir.resolve(id + ".json"));
		return done;
	}

	private static String check(final ModelCard template, final String role, final Path file) {
		if (!Files.isRegularFile(file)) throw new ModelFormatException("Model " + template.id() + ": " + file + " is missing from the unpacked package.");
		final String actual = Sha256.of(file);
		final Map<String, String> expected = template.sha256();
		if (expected.containsKey(role) && !expected.get(role).equals(actual))
			throw new ModelFormatException("Model " + template.id() + ": " + file + " has SHA-256 " + actual + " but its card pins " + expected.get(role) + ": the package is not the one the card was made from.");
		return actual;
	}
}
