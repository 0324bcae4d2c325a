package org.renovo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.model.onnx.ModelCost;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TestImages;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.ModelGeometry;
import org.renovo.tiling.TileOptions;
import org.renovo.tiling.TilePlan;
import org.renovo.tiling.TilePlanner;

/** Automatic tile sizes follow the halo and the memory the model's feature maps need. */
class TileSizePolicyTest {

	private static final long GIB = 1L << 30;

	@Test
	void theCoreReachesThreeQuartersOfTheInput() {
		// halo 19 (animevideov3): 2*19*sqrt(.75)/(1-sqrt(.75)) = 245.6 -> 256; 256/294 squared = 76 %
		final TileSizePolicy p = TileSizePolicy.choose(cost(TinyModels.conv(3, 3)), 19, 2 * GIB);
		assertEquals(256, p.size());
		assertTrue(TileSizePolicy.share(p.size(), 19) >= 0.75 && TileSizePolicy.share(p.size() - 32, 19) < 0.75);
		assertEquals(448, TileSizePolicy.choose(cost(TinyModels.conv(3, 3)), 34, 2 * GIB).size());
		assertEquals(64, TileSizePolicy.choose(cost(TinyModels.conv(3, 3)), 1, 2 * GIB).size());
		assertTrue(p.reason().contains("core is 76 % of its input"), p.reason());
	}

	@Test
	void memoryCapsTheTile() {
		// nearest x2: 3 channels at 2x, 48 bytes per input pixel, 3 maps alive: 144; 16 MiB allow sqrt(16 MiB / 144) = 341 px
		// of input, so a core of floor((341 - 64) / 32) * 32 = 256, below the 416 the halo of 32 asks for
		final ModelCost c = cost(TinyModels.nearest2());
		assertEquals(48, c.peakActivationBytesPerInputPixel(), 1e-9);
		final TileSizePolicy p = TileSizePolicy.choose(c, 32, 16 << 20);
		assertEquals(256, p.size());
		assertTrue(p.reason().contains("fit the budget of 16 MB"), p.reason());
		assertEquals(416, TileSizePolicy.choose(c, 32, 2 * GIB).size());
		final TileSizePolicy tiny = TileSizePolicy.choose(c, 32, 100_000);
		assertEquals(64, tiny.size());
		assertTrue(tiny.reason().contains("smallest allowed"), tiny.reason());
	}

	@Test
	void anAutomaticRunPlansWithTheChosenSizeAndSaysWhy() {
		final Model model = new Model("conv9", TinyModels.conv(9, 3), null);
		final List<String> info = new ArrayList<>();
		final RestorationPipeline pipeline = SharedPipeline.pipeline();
		final RunReport r = pipeline.run(TestImages.random(700, 300, 3, 1), model, RunOptions.defaults(), (i, c) -> {}, new RunMonitor() {
			@Override public void info(final String message) { info.add(message); }
		});
		// radius 4: the smallest core of 75 % is 2*4*0.866/0.134 = 51.7 -> 64
		assertEquals(64, r.plan().tiles().get(0).core().width());
		assertTrue(info.stream().anyMatch(m -> m.contains("conv9: tile 64 px")), info.toString());
	}

	@Test
	void boundedFieldsUpToTwiceTheCapAreCoveredExactly() {
		final TilePlan x4fast = TilePlanner.plan(500, 400, ModelGeometry.of(4, 34, 0, 1), TileOptions.defaults());
		assertEquals(34, x4fast.halo());
		assertTrue(x4fast.isExact());
		final TilePlan wide = TilePlanner.plan(500, 400, ModelGeometry.of(4, 65, 0, 1), TileOptions.defaults());
		assertEquals(TileOptions.DEFAULT_HALO_CAP, wide.halo());
		assertTrue(!wide.isExact());
	}

	private static ModelCost cost(final Path model) {
		return new GeometryResolver(Path.of("target", "test-cache")).cost(new Model("m", model, null));
	}
}
