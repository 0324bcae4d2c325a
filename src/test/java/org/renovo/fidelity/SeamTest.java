package org.renovo.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.ImageData;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.pipeline.RunReport;
import org.renovo.testing.PngImages;
import org.renovo.testing.RealModels;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TestImages;
import org.renovo.tiling.TileOptions;

/**
 * Seams on the real models: tiled against whole-image runs. The SRVGG models' receptive field fits a
 * practical halo, so tiling them is exact (≤ 1e-4 in the model's [0, 1] units); Real-ESRGAN x4plus sees
 * further than any halo, so its blended seams are held to PSNR ≥ 50 dB on a 512×512 photo at the default
 * tile and overlap (slow: tagged, run by .ci/run). Figures go to target/fidelity-report.tsv. Skips when the
 * models or ../shared are absent.
 */
class SeamTest {

	private static final OrtInferenceEngine engine = SharedPipeline.engine();
	private static final RestorationPipeline pipeline = SharedPipeline.pipeline();

	@ParameterizedTest
	@ValueSource(strings = { "realesr-animevideov3-x2", "realesrgan-x4fast" })
	void srvggTiledEqualsWhole(final String id) throws IOException {
		// setup: chelsea (256x170) in tiles of 64: 4x3 tiles, with edge and interior seams
		final Model model = model(id);
		final ImageData photo = PngImages.read(input("chelsea.png"));
		// process
		final float[] whole = run(photo, model, TileOptions.defaults().withTileSize(256).withOverlap(0));
		final TestImages.Collector tiled = new TestImages.Collector();
		final RunReport r = pipeline.run(photo, model, options(TileOptions.defaults().withTileSize(64)), tiled, RunMonitor.NONE);
		// test
		assertEquals(12, r.plan().tiles().size());
		final double diff = TestImages.maxAbsDiff(whole, tiled.flat()) / 255;
		ReferenceFidelityTest.report(String.format(Locale.ROOT, "seam\t%s\tmax |tiled - whole| = %.3g%n", id, diff));
		assertTrue(diff <= 1e-4, id + ": tiled differs from whole by " + diff);
	}

	@Test
	@Tag("slow")
	void realEsrganX4plusSeamsAreInvisible() throws IOException {
		// setup: the 512x512 astronaut in 2x2 tiles of 256 with the default overlap of 16 (the automatic size would
		// make it one tile on a machine with enough memory; the seams are what this measures)
		final Model model = model("realesrgan-x4plus");
		final Path photo = RealModels.referenceDirectory().resolve("..").resolve("images").resolve("skimage_astronaut.png");
		assumeTrue(Files.isRegularFile(photo), "../shared/images is absent");
		final ImageData image = PngImages.read(photo);
		// process
		final float[] whole = run(image, model, TileOptions.defaults().withTileSize(512).withOverlap(0));
		final TestImages.Collector tiled = new TestImages.Collector();
		final RunReport r = pipeline.run(image, model, options(TileOptions.defaults().withTileSize(256)), tiled, RunMonitor.NONE);
		// test
		assertEquals(4, r.plan().tiles().size());
		final double psnr = TestImages.psnr(whole, tiled.flat(), 255);
		ReferenceFidelityTest.report(String.format(Locale.ROOT, "seam\trealesrgan-x4plus\tPSNR tiled vs whole = %.2f dB%n", psnr));
		assertTrue(psnr >= 50, "PSNR " + psnr);
	}

	private static float[] run(final ImageData image, final Model model, final TileOptions tiles) {
		final TestImages.Collector out = new TestImages.Collector();
		pipeline.run(image, model, options(tiles), out, RunMonitor.NONE);
		return out.flat();
	}

	private static RunOptions options(final TileOptions tiles) {
		return RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(tiles);
	}

	private static Model model(final String id) {
		assumeTrue(RealModels.installed(id), id + " is not installed (models/fetch)");
		return new ModelRegistry(RealModels.modelsDirectory()).resolve(id);
	}

	private static Path input(final String name) {
		final Path p = RealModels.referenceDirectory().resolve("inputs").resolve(name);
		assumeTrue(Files.isRegularFile(p), "../shared/reference is absent");
		return p;
	}
}
