package org.renovo.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TilePlannerTest {

	@ParameterizedTest
	@CsvSource({ "1,1,16,0,1", "15,15,16,0,1", "16,16,16,4,1", "17,17,16,4,1", "37,23,16,6,2", "100,7,32,8,4", "20,28,8,2,4" })
	void coresPartitionTheImageAndSourcesShareOneSize(final int w, final int h, final int tile, final int overlap, final int multiple) {
		// setup
		final ModelGeometry g = ModelGeometry.of(2, 3, 1, multiple);
		// process
		final TilePlan plan = TilePlanner.plan(w, h, g, TileOptions.of(tile, overlap));
		// test: every input pixel in exactly one core (oracle: a coverage count)
		final int[] count = new int[w * h];
		for (final Tile t : plan.tiles()) {
			for (int y = t.core().y(); y < t.core().maxY(); y++)
				for (int x = t.core().x(); x < t.core().maxX(); x++)
					count[y * w + x]++;
			// the source reads the planned context around the extended box, but never past the
			// whole-image reference's input [-pad, refEnd), and stays on the model's size grid
			final int pad = plan.halo() + g.border();
			final int refEnd = -pad + (w + 2 * pad + multiple - 1) / multiple * multiple;
			assertEquals(t.extended().x() - pad, t.source().x(), t.toString());
			assertTrue(t.source().maxX() == refEnd || t.source().maxX() >= t.extended().maxX() + pad, t.toString());
			assertTrue(t.source().maxX() <= refEnd, t.toString());
			assertEquals(0, t.source().width() % multiple);
			assertEquals(0, t.source().height() % multiple);
			assertTrue(t.source().width() <= plan.sourceWidth() && t.source().height() <= plan.sourceHeight());
			assertEquals(t.extended().scaled(2), t.target());
			// the model output covers the target from the crop offset
			assertTrue(t.cropX() + t.target().width() <= plan.modelOutputWidth(), t.toString());
			assertTrue(t.cropY() + t.target().height() <= plan.modelOutputHeight(), t.toString());
			assertEquals((t.extended().x() - t.source().x() - g.border()) * g.scale(), t.cropX());
		}
		for (final int c : count)
			assertEquals(1, c);
		assertEquals(w * 2, plan.outputWidth());
		assertEquals(h * 2, plan.outputHeight());
	}

	@Test
	void haloIsRadiusCappedAndPlanSaysWhetherItIsExact() {
		final TilePlan exact = TilePlanner.plan(64, 64, ModelGeometry.of(1, 10, 0, 1), TileOptions.of(32, 8));
		assertEquals(10, exact.halo());
		assertTrue(exact.isExact());
		final TilePlan capped = TilePlanner.plan(64, 64, ModelGeometry.of(1, 100, 0, 1), TileOptions.of(32, 8).withHaloCap(12));
		assertEquals(12, capped.halo());
		assertTrue(!capped.isExact());
		final TilePlan global = TilePlanner.plan(64, 64, ModelGeometry.of(1, ModelGeometry.UNBOUNDED, 0, 1), TileOptions.of(32, 8));
		assertEquals(TileOptions.DEFAULT_HALO_CAP, global.halo());
		assertTrue(!global.isExact());
	}

	@Test
	void gridOfKnownShape() {
		final TilePlan plan = TilePlanner.plan(50, 23, ModelGeometry.of(4, 2, 0, 1), TileOptions.of(16, 0));
		assertEquals(4 * 2, plan.tiles().size());
		assertEquals(16 + 2 * 2, plan.sourceWidth());
		assertEquals(Box.of(48, 16, 2, 7), plan.tiles().get(7).core());
		assertEquals(Box.of(46, 14, 6, 11), plan.tiles().get(7).source(), "the last tile ends where the reference's input ends");
	}

	@Test
	void wholePlanIsOneTile() {
		assertEquals(1, TilePlanner.whole(37, 23, ModelGeometry.of(2, 5, 0, 4), TileOptions.defaults()).tiles().size());
	}

	@Test
	void rejectsWhatDoesNotFitWithAMessageThatSaysWhatToDo() {
		final ModelGeometry m4 = ModelGeometry.of(1, 1, 0, 4);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TilePlanner.plan(64, 64, m4, TileOptions.of(30, 0)));
		assertTrue(e.getMessage().contains("not a multiple of 4") && e.getMessage().contains("use 32"), e.getMessage());
		final IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> TilePlanner.plan(8, 64, m4.withMinSize(16), TileOptions.of(32, 0)));
		assertTrue(small.getMessage().contains("at least 16"), small.getMessage());
		assertThrows(IllegalArgumentException.class, () -> TileOptions.of(16, 9));
		assertThrows(IllegalArgumentException.class, () -> ModelGeometry.of(0, 1, 0, 1));
	}

	@Test
	void aFixedPadExtendsTheImageWhileTheHaloBetweenTilesStaysPlanned() {
		// setup: a model of radius 100 that its original program pads by 10, border 2
		final ModelGeometry g = ModelGeometry.of(4, 100, 2, 2);
		// process
		final TilePlan plan = TilePlanner.plan(37, 20, g, InputPadding.fixed(10, EdgeMode.REPLICATE), TileOptions.of(16, 4));
		final TilePlan whole = TilePlanner.whole(37, 20, g, InputPadding.fixed(10, EdgeMode.REPLICATE), TileOptions.defaults());
		// test
		assertEquals(TileOptions.DEFAULT_HALO_CAP, plan.halo(), "between tiles: the radius, capped");
		assertEquals(-10, plan.tiles().get(0).source().x(), "at the image edge: the fixed pad");
		assertEquals(-10, plan.tiles().get(1).source().x(), "near the edge: clipped to the reference's input");
		assertEquals(32 - 2 - 34, plan.tiles().get(2).source().x(), "inside: the capped halo and the border, on the size grid");
		assertEquals(EdgeMode.REPLICATE, plan.padding().edge());
		assertTrue(!plan.isExact());
		assertEquals(1, whole.tiles().size());
		assertEquals(Box.of(-10, -10, 38 + 20, 20 + 20), whole.tiles().get(0).source(), "37 rounds up to the multiple 2, at the far side");
		assertEquals(8 * 4, whole.tiles().get(0).cropX());
		assertThrows(IllegalArgumentException.class, () -> TilePlanner.plan(8, 8, g, InputPadding.fixed(1, EdgeMode.REFLECT), TileOptions.of(16, 4)));
	}
}
