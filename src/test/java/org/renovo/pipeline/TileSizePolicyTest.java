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
	void theFewestTilesTheBudgetAllowsThenTheSmallestOfThatCount() {
		// nearest x2: 3 channels at 2x = 48 bytes per input pixel, 6 maps: 288; 16 MiB allow sqrt(16 MiB / 288) = 241 px of
		// input, so at most floor((241 - 64) / 32) * 32 = 160 px of core; a 500x400 image needs 4x3 such tiles, and
		// 134 px (rounded up to 160) already makes 4x3
		final ModelCost c = cost(TinyModels.nearest2());
		assertEquals(48, c.peakActivationBytesPerInputPixel(), 1e-9);
		final TileSizePolicy p = TileSizePolicy.choose(c, 32, 16 << 20, 500, 400);
		assertEquals(160, p.size());
		assertTrue(p.reason().contains("4x3 tiles") && p.reason().contains("budget of 16 MB"), p.reason());
		// 1000x1000 with at most 160: 7x7 tiles of ceil(1000 / 7) = 143 -> 160
		assertEquals(160, TileSizePolicy.choose(c, 32, 16 << 20, 1000, 1000).size());
		// 290x290 with at most 160: 2x2 tiles of 145 -> 160; with at most 1024: one tile
		assertEquals(160, TileSizePolicy.choose(c, 32, 16 << 20, 290, 290).size());
		assertEquals(320, TileSizePolicy.choose(c, 32, 2 * GIB, 290, 290).size());
		// a 3000 px side in 1024-px tiles: 3 of them, balanced at 1000 -> 1024
		assertEquals(1024, TileSizePolicy.choose(c, 32, 64 * GIB, 3000, 100).size());
		assertEquals(736, TileSizePolicy.choose(c, 32, 64 * GIB, 2200, 100).size()); // 3 tiles of 734 -> 736
	}

	@Test
	void theBlendingRowsCapTheTileToTheirShareOfTheHeap() {
		// a 4096-wide RGB image at 4x: 16 * 4096 * 4 floats = 1 MiB of heap per input row of tile height
		final long perRow = TileSizePolicy.heapPerCoreRow(4, 4096, 3);
		assertEquals(1 << 20, perRow);
		final TileSizePolicy p = TileSizePolicy.choose(cost(TinyModels.conv(3, 3)), 0, 64 * GIB, 4096, 4096, perRow);
		assertEquals(Math.min(1024, TileSizePolicy.heapBudget() / perRow / 32 * 32), p.size());
		assertTrue(p.size() <= 256, "at most 256 MB of rows: " + p.size());
	}

	@Test
	void aBudgetTooSmallForAnyTileGivesTheSmallest() {
		final TileSizePolicy tiny = TileSizePolicy.choose(cost(TinyModels.nearest2()), 32, 100_000, 500, 500);
		assertEquals(64, tiny.size());
		assertTrue(tiny.reason().contains("smallest allowed"), tiny.reason());
	}

	@Test
	void anAutomaticRunPlansWithTheChosenSizeAndSaysWhy() {
		final Model model = new Model("conv9", TinyModels.conv(9, 3), null);
		final List<String> info = new ArrayList<>();
		final RestorationPipeline pipeline = SharedPipeline.pipeline();
		final RunReport r = pipeline.run(TestImages.random(700, 300, 3, 1), model, RunOptions.defaults().withMemoryBudget(GIB), (i, c) -> {}, new RunMonitor() {
			@Override public void info(final String message) { info.add(message); }
		});
		// 3 channels, 72 bytes per input pixel with 6 maps: 1 GiB allows 1024 px, so the whole image is one tile
		assertEquals(1, r.plan().tiles().size());
		assertTrue(info.stream().anyMatch(m -> m.contains("conv9: tile 704 px: 1x1 tiles")), info.toString());
		final RunReport small = pipeline.run(TestImages.random(700, 300, 3, 1), model, RunOptions.defaults().withMemoryBudget(4 << 20), (i, c) -> {}, RunMonitor.NONE);
		// 4 MiB: sqrt(4 MiB / 72) = 241 -> 224 px at most (halo 4): 4x2 tiles of 175 and 150 -> 192
		assertEquals(8, small.plan().tiles().size());
		assertEquals(192, small.plan().tiles().get(0).core().width());
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
