package org.renovo.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The oracle is {@link OverlapBlender}: the band-by-band result must be bit-identical to the whole plane. */
class BandBlenderTest {

	@ParameterizedTest(name = "{0}x{1} scale {2} tile {3} overlap {4} rows of {5}")
	@CsvSource({ "45,31,3,16,8,16", "45,31,3,16,8,1", "45,31,3,16,8,7", "45,31,3,16,8,1000", "37,50,2,8,4,16", "1,1,4,16,0,16", "64,64,1,16,0,16", "20,97,2,16,6,32" })
	void bandsEqualTheWholePlane(final int width, final int height, final int scale, final int tile, final int overlap, final int rowMultiple) {
		// setup: every tile outputs its own random values, so the blend weights matter everywhere
		final TilePlan plan = TilePlanner.plan(width, height, ModelGeometry.of(scale, 2, 0, 1), TileOptions.of(tile, overlap));
		final List<PlanarTile> outputs = new ArrayList<>();
		for (final Tile t : plan.tiles())
			outputs.add(randomTile(plan, 2, t.index()));
		final OverlapBlender whole = new OverlapBlender(plan, 2);
		final float[][] expected;
		for (final Tile t : plan.tiles())
			whole.add(t, outputs.get(t.index()));
		expected = whole.finish();
		// process
		final float[][] actual = new float[2][expected[0].length];
		final List<int[]> bands = new ArrayList<>();
		final BandBlender blender = new BandBlender(plan, 2, rowMultiple, (y, band) -> {
			bands.add(new int[] { y, band[0].length / plan.outputWidth() });
			for (int c = 0; c < 2; c++)
				System.arraycopy(band[c], 0, actual[c], y * plan.outputWidth(), band[c].length);
		});
		for (final Tile t : plan.tiles())
			blender.add(t, outputs.get(t.index()), 0);
		// test
		assertTrue(blender.isFinished());
		assertArrayEquals(expected[0], actual[0]);
		assertArrayEquals(expected[1], actual[1]);
		int y = 0;
		for (final int[] b : bands) {
			assertEquals(y, b[0], "bands follow each other");
			assertTrue(b[1] % rowMultiple == 0 || b[0] + b[1] == plan.outputHeight(), "band of " + b[1] + " rows is a multiple of " + rowMultiple + " or the last");
			y += b[1];
		}
		assertEquals(plan.outputHeight(), y);
	}

	@Test
	void channelsMayArriveInParts() {
		// setup: a 3-channel output added as 1 + 2 channels per tile
		final TilePlan plan = TilePlanner.plan(40, 40, ModelGeometry.of(2, 1, 0, 1), TileOptions.of(16, 4));
		final OverlapBlender whole = new OverlapBlender(plan, 3);
		for (final Tile t : plan.tiles())
			whole.add(t, randomTile(plan, 3, t.index()));
		final float[][] expected = whole.finish();
		final float[][] actual = new float[3][expected[0].length];
		final BandBlender blender = new BandBlender(plan, 3, 16, (y, band) -> {
			for (int c = 0; c < 3; c++)
				System.arraycopy(band[c], 0, actual[c], y * plan.outputWidth(), band[c].length);
		});
		// process
		for (final Tile t : plan.tiles()) {
			final PlanarTile all = randomTile(plan, 3, t.index());
			blender.add(t, channels(all, 0, 1), 0);
			blender.add(t, channels(all, 1, 2), 1);
		}
		// test
		for (int c = 0; c < 3; c++)
			assertArrayEquals(expected[c], actual[c]);
	}

	@Test
	void windowHoldsAFewRowsOfTilesNotThePlane() {
		final TilePlan plan = TilePlanner.plan(100, 2000, ModelGeometry.of(4, 2, 0, 1), TileOptions.of(64, 16));
		// NB: tallest target (64 + 2 × 8) × 4 = 320 rows, plus one band of 256.
		assertEquals(576, BandBlender.windowRows(plan, 256));
	}

	@Test
	void tilesOutOfOrderAreRefused() {
		final TilePlan plan = TilePlanner.plan(32, 32, ModelGeometry.of(1, 0, 0, 1), TileOptions.of(16, 0));
		final BandBlender blender = new BandBlender(plan, 1, 16, (y, band) -> {});
		assertThrows(IllegalArgumentException.class, () -> blender.add(plan.tiles().get(1), randomTile(plan, 1, 1), 0));
	}

	private static PlanarTile randomTile(final TilePlan plan, final int channels, final long seed) {
		final int n = channels * plan.modelOutputWidth() * plan.modelOutputHeight();
		final FloatBuffer b = FloatBuffer.allocate(n);
		final Random random = new Random(seed);
		for (int i = 0; i < n; i++) b.put(i, random.nextFloat());
		return new PlanarTile(b, channels, plan.modelOutputWidth(), plan.modelOutputHeight());
	}

	private static PlanarTile channels(final PlanarTile all, final int first, final int count) {
		final int plane = all.width() * all.height();
		final float[] values = new float[count * plane];
		for (int c = 0; c < count; c++)
			for (int y = 0; y < all.height(); y++)
				for (int x = 0; x < all.width(); x++)
					values[(c * all.height() + y) * all.width() + x] = all.get(first + c, x, y);
		return new PlanarTile(FloatBuffer.wrap(values), count, all.width(), all.height());
	}
}
