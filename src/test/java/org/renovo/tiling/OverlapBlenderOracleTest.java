package org.renovo.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link OverlapBlender} against a pixel-by-pixel oracle (the blender's first implementation): the
 * row-wise loops and the weights summed at the end must give the same floats to the last bit, for
 * awkward sizes, scales, windows and orders of adding.
 */
class OverlapBlenderOracleTest {

	@ParameterizedTest
	@CsvSource({ "1, 1, 1, 8, 2, RAISED_COSINE, false", "37, 23, 1, 16, 6, RAISED_COSINE, false", "100, 61, 2, 32, 8, LINEAR, false", "53, 97, 4, 24, 10, RAISED_COSINE, false",
		"64, 64, 3, 64, 0, LINEAR, false", "53, 97, 4, 24, 10, RAISED_COSINE, true", "100, 61, 2, 32, 8, LINEAR, true" })
	void blendsExactlyAsThePixelByPixelOracle(final int width, final int height, final int scale, final int tile, final int overlap, final BlendWindow window, final boolean reversed) {
		// setup
		final TilePlan plan = TilePlanner.plan(width, height, ModelGeometry.of(scale, 3, 0, 1), TileOptions.of(tile, overlap).withWindow(window));
		final List<PlanarTile> outputs = randomOutputs(plan, 3, new Random(width * 31L + height));
		final List<Tile> order = new ArrayList<>(plan.tiles());
		if (reversed) Collections.reverse(order);
		final OverlapBlender blender = new OverlapBlender(plan, 3);
		// process
		for (final Tile t : order)
			blender.add(t, outputs.get(t.index()));
		final float[][] actual = blender.finish();
		// test
		final float[][] expected = oracle(plan, order, outputs, 3);
		for (int c = 0; c < 3; c++)
			assertArrayEquals(expected[c], actual[c], "channel " + c);
	}

	@Test
	void namesTheFirstPixelNoTileCovered() {
		final TilePlan plan = TilePlanner.plan(40, 10, ModelGeometry.of(1, 0, 0, 1), TileOptions.of(16, 0));
		final OverlapBlender blender = new OverlapBlender(plan, 1);
		blender.add(plan.tiles().get(0), randomOutputs(plan, 1, new Random(1)).get(0));
		final IllegalStateException e = assertThrows(IllegalStateException.class, blender::finish);
		assertTrue(e.getMessage().startsWith("Output pixel 16 was covered by no tile"), e.getMessage());
	}

	private static List<PlanarTile> randomOutputs(final TilePlan plan, final int channels, final Random random) {
		final int w = plan.modelOutputWidth(), h = plan.modelOutputHeight();
		final List<PlanarTile> outputs = new ArrayList<>();
		for (int i = 0; i < plan.tiles().size(); i++) {
			final float[] v = new float[channels * w * h];
			for (int k = 0; k < v.length; k++)
				v[k] = random.nextFloat() * 2 - 0.5f;
			outputs.add(new PlanarTile(FloatBuffer.wrap(v), channels, w, h));
		}
		return outputs;
	}

	/** The blender as first written: weight and value accumulated pixel by pixel, in the order of adding, then divided. */
	private static float[][] oracle(final TilePlan plan, final List<Tile> order, final List<PlanarTile> outputs, final int channels) {
		final int outW = plan.outputWidth(), n = outW * plan.outputHeight();
		final float[][] sums = new float[channels][n];
		final float[] weights = new float[n];
		for (final Tile tile : order) {
			final Box t = tile.target();
			final float[] wx = profile(plan, t.x(), t.width(), tile.core().x(), tile.core().maxX(), plan.width());
			final float[] wy = profile(plan, t.y(), t.height(), tile.core().y(), tile.core().maxY(), plan.height());
			for (int y = 0; y < t.height(); y++)
				for (int x = 0; x < t.width(); x++) {
					final int i = (t.y() + y) * outW + t.x() + x;
					final float w = wx[x] * wy[y];
					weights[i] += w;
					for (int c = 0; c < channels; c++)
						sums[c][i] += w * outputs.get(tile.index()).get(c, tile.cropX() + x, tile.cropY() + y);
				}
		}
		for (int i = 0; i < n; i++) {
			final float inv = 1f / weights[i];
			for (int c = 0; c < channels; c++)
				sums[c][i] *= inv;
		}
		return sums;
	}

	private static float[] profile(final TilePlan plan, final int start, final int length, final int coreStart, final int coreEnd, final int extent) {
		final int s = plan.geometry().scale();
		final double band = 2.0 * plan.band();
		final float[] w = new float[length];
		for (int i = 0; i < length; i++) {
			final double centre = (start + i + 0.5) / s;
			double v = 1;
			if (band > 0 && coreStart > 0) v *= plan.window().rise((centre - (coreStart - plan.band())) / band);
			if (band > 0 && coreEnd < extent) v *= 1 - plan.window().rise((centre - (coreEnd - plan.band())) / band);
			w[i] = (float) v;
		}
		return w;
	}
}
