package org.renovo.model.ncnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renovo.model.ncnn.NcnnFixture.param;
import static org.renovo.model.ncnn.NcnnFixture.randoms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.error.ModelFormatException;
import org.renovo.model.Model;
import org.renovo.model.ModelCard;
import org.renovo.model.ModelRegistry;
import org.renovo.model.Sha256;
import org.renovo.model.ncnn.NcnnFixture.Bin;
import org.renovo.tiling.EdgeMode;
import org.renovo.tiling.InputPadding;
import org.renovo.tiling.ModelGeometry;

/** Installing a model: checksums, conversion, geometry from the graph confirmed by a probe, the written card. */
class NcnnInstallerTest {

	/** x2: a valid 3x3 convolution (border 1), 12 channels, PixelShuffle x2; radius 1 around the border. */
	private static final String PARAM = param("Input in 0 1 data", "Convolution c 1 1 data a 0=12 1=3 5=1 6=324", "PixelShuffle ps 1 1 a y 0=2");

	private static ModelCard template(final Path root, final String paramSha) {
		return ModelCard.builder("tiny-x2").task("upscale").geometry(ModelGeometry.of(2, 0, 0, 1)).clearGeometry().padding(InputPadding.fixed(3, EdgeMode.REPLICATE))
			.license("MIT", "https://example.invalid").source(new ModelCard.Source("tiny@1.0.0", "sha512-x", "package/m.param", "package/m.bin", "MIT"))
			.sha256("param", paramSha).build();
	}

	@Test
	void convertsMeasuresAndWritesAUsableCard(@TempDir final Path dir) throws Exception {
		// setup
		final Path pkg = Files.createDirectories(dir.resolve("tiny@1.0.0").resolve("package"));
		Files.write(pkg.resolve("m.param"), PARAM.getBytes(StandardCharsets.UTF_8));
		Files.write(pkg.resolve("m.bin"), new Bin().tagged(randoms(324, 1)).raw(randoms(12, 2)).bytes());
		final Path out = dir.resolve("out");
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			// process
			final ModelCard card = new NcnnInstaller(engine).install(template(dir, Sha256.of(pkg.resolve("m.param"))), dir.resolve("tiny@1.0.0"), out);
			// test
			assertEquals(ModelGeometry.of(2, 1, 1, 1), card.geometry(), "scale from the graph, border and radius from the probe");
			assertEquals(Sha256.of(out.resolve("tiny-x2.onnx")), card.sha256().get("onnx"));
			assertEquals(Sha256.of(pkg.resolve("m.bin")), card.sha256().get("bin"));
			final Model model = new ModelRegistry(out).resolve("tiny-x2");
			assertEquals(InputPadding.fixed(3, EdgeMode.REPLICATE), model.padding());
			assertEquals(card.geometry(), model.declaredGeometry().get());
			// a template that already states another geometry is a regression
			final ModelCard wrong = ModelCard.read(out.resolve("tiny-x2.json")).toBuilder().geometry(ModelGeometry.of(2, 5, 1, 1)).build();
			final ModelFormatException e = assertThrows(ModelFormatException.class, () -> new NcnnInstaller(engine).install(wrong, dir.resolve("tiny@1.0.0"), dir.resolve("out2")));
			assertTrue(e.getMessage().contains("measures"), e.getMessage());
		}
	}

	@Test
	void aChangedFileIsRefusedBeforeConversion(@TempDir final Path dir) throws Exception {
		final Path pkg = Files.createDirectories(dir.resolve("tiny@1.0.0").resolve("package"));
		Files.write(pkg.resolve("m.param"), PARAM.getBytes(StandardCharsets.UTF_8));
		Files.write(pkg.resolve("m.bin"), new byte[0]);
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final ModelFormatException e = assertThrows(ModelFormatException.class, () -> new NcnnInstaller(engine).install(template(dir, "00"), dir.resolve("tiny@1.0.0"), dir.resolve("out")));
			assertTrue(e.getMessage().contains("pins 00"), e.getMessage());
		}
		assertFalse(Files.exists(dir.resolve("out").resolve("tiny-x2.onnx")));
	}

	@Test
	void graphAndProbeMustAgree() {
		final NcnnGeometry x4 = NcnnGeometry.of(NcnnParamParser.parse(param("Input in 0 1 data", "Interp i 1 1 data y 0=1 1=4.0 2=4.0"), "t.param"));
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> x4.confirm(ModelGeometry.of(2, 0, 0, 1), "m"));
		assertTrue(e.getMessage().contains("scales by 4") && e.getMessage().contains("scaled by 2"), e.getMessage());
		final NcnnGeometry se = NcnnGeometry.of(NcnnParamParser.parse(param("Input in 0 1 data", "Convolution c 1 1 data a 0=3 1=2 3=2 6=36", "Split s 1 2 a a1 a2",
			"Pooling p 1 1 a1 g 0=1 4=1", "BinaryOp m 2 1 a2 g b 0=2", "Deconvolution d 1 1 b y 0=3 1=2 3=2 6=36"), "t.param"));
		assertEquals(ModelGeometry.of(1, 3, 0, 2).withWholeInput(true), se.confirm(ModelGeometry.of(1, 3, 0, 1), "m"), "global pooling: pools over the whole input; the graph's multiple 2");
	}
}
