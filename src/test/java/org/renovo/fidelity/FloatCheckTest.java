package org.renovo.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.testing.PngImages;
import org.renovo.testing.RealModels;
import org.renovo.testing.TestImages;
import org.renovo.tiling.TileOptions;

/**
 * The converter's float output against an independent float32 re-implementation of the same ncnn graphs
 * ({@code ../shared/reference/float-check}), before any rounding to 8 bits: this isolates conversion
 * errors from quantisation. Figures go to {@code target/fidelity-report.tsv}.
 */
class FloatCheckTest {

	private static OrtInferenceEngine engine;

	@BeforeAll
	static void open() { engine = new OrtInferenceEngine(); }

	@AfterAll
	static void close() { engine.close(); }

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "realesr-animevideov3-x2,tiny64", "realesr-animevideov3-x2,crop128", "realesrgan-x4plus,tiny64" })
	void floatOutputMatchesTheIndependentImplementation(final String id, final String image) throws IOException {
		final Path dir = RealModels.referenceDirectory().resolve("float-check");
		final Path npy = dir.resolve(image + "__numpy__" + id + "__pad10-reflect.float32_CHW.npy");
		assumeTrue(Files.isRegularFile(npy), "no float reference " + npy);
		assumeTrue(RealModels.installed(id), "model " + id + " is not installed: run models/fetch");
		// setup
		final List<Integer> shape = new ArrayList<>();
		final float[] expected = PngImages.npy(npy, shape);
		final RunOptions oneTile = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.defaults().withTileSize(256).withOverlap(0));
		// process: the pipeline maps [0, 255] to [0, 1] and back, so its output / 255 is the network's
		final TestImages.Collector out = new TestImages.Collector();
		new RestorationPipeline(engine, new GeometryResolver(Path.of("target", "test-cache")))
			.run(PngImages.read(dir.resolve(image + ".png")), new ModelRegistry(RealModels.modelsDirectory()).resolve(id), oneTile, out, RunMonitor.NONE);
		final float[] actual = out.flat();
		for (int i = 0; i < actual.length; i++) actual[i] /= 255f;
		// test
		assertEquals(expected.length, actual.length, "C x H x W " + shape);
		final double maxDiff = TestImages.maxAbsDiff(expected, actual), psnr = TestImages.psnr(expected, actual, 1.0);
		ReferenceFidelityTest.report(String.format(Locale.ROOT, "%s\t%s float32\t%.2f\t%.2e\t-\tfloat check%n", id, image, psnr, maxDiff));
		assertTrue(maxDiff < 1e-3, id + " on " + image + ": max |difference| " + maxDiff + ", PSNR " + psnr);
	}
}
