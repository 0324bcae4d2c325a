package org.renovo.tiling;

/**
 * Assembles one output plane from tiles: every tile adds its output over its {@link Tile#target()},
 * weighted by the plan's {@link BlendWindow} across the overlap bands; {@link #finish()} divides by the
 * summed weights once. Weights are separable and sum to one, so where tiles agree the result equals
 * each of them; where they disagree (receptive field wider than the halo) the seam is feathered.
 * Not thread-safe; one instance per output plane.
 */
public final class OverlapBlender {

	private final TilePlan plan;
	private final int channels, outW;
	private final float[][] sums;
	private final float[] weights;

	public OverlapBlender(final TilePlan plan, final int channels) {
		this.plan = plan;
		this.channels = channels;
		this.outW = plan.outputWidth();
		final int n = Math.multiplyExact(outW, plan.outputHeight());
		this.sums = new float[channels][n];
		this.weights = new float[n];
	}

	/** Adds the model's output for {@code tile}; {@code output} is the whole model output for its source. */
	public void add(final Tile tile, final PlanarTile output) {
		if (output.channels() != channels) throw new IllegalArgumentException("Model gave " + output.channels() + " channels, expected " + channels);
		final Box t = tile.target();
		final float[] wx = profile(plan, t.x(), t.width(), tile.core().x(), tile.core().maxX(), plan.width());
		final float[] wy = profile(plan, t.y(), t.height(), tile.core().y(), tile.core().maxY(), plan.height());
		final float[] w = new float[t.width()], values = new float[t.width()];
		for (int y = 0; y < t.height(); y++) {
			final int row = (t.y() + y) * outW + t.x();
			times(wx, wy[y], w);
			addTo(weights, row, w);
			for (int c = 0; c < channels; c++) {
				output.row(c, tile.cropX(), tile.cropY() + y, values);
				addProductTo(sums[c], row, w, values);
			}
		}
	}

	/**
	 * The blended plane, one row-major array per channel. Call once, after every tile was added;
	 * the arrays are this blender's own (no copy).
	 */
	public float[][] finish() {
		for (int i = 0; i < weights.length; i++)
			if (weights[i] == 0) throw new IllegalStateException("Output pixel " + i + " was covered by no tile: the plan has " + plan.tiles().size() + " tiles, were they all added?");
		// NB: the weights become their inverses in place (finish runs once), so each channel's pass is one multiply per pixel.
		for (int i = 0; i < weights.length; i++)
			weights[i] = 1f / weights[i];
		for (final float[] plane : sums)
			for (int i = 0; i < plane.length; i++)
				plane[i] *= weights[i];
		return sums;
	}

	/**
	 * Weights along one axis of a tile's target: rising across the band at its start and falling across
	 * the band at its end, where it has a neighbour; 1 elsewhere. Evaluated at output pixel centres in
	 * input coordinates, so both neighbours compute complementary values for the same pixel. Shared with
	 * {@link BandBlender}, so both blend with the same weights.
	 */
	static float[] profile(final TilePlan plan, final int start, final int length, final int coreStart, final int coreEnd, final int extent) {
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

	// -- Helper methods --
	// NB: plain loops over arrays, so the JIT vectorises them; the arithmetic is the same per pixel as
	// a pixel-by-pixel loop would do, so the result is identical to the last bit.

	static void times(final float[] a, final float b, final float[] out) {
		for (int i = 0; i < out.length; i++)
			out[i] = a[i] * b;
	}

	static void addTo(final float[] target, final int offset, final float[] v) {
		for (int i = 0; i < v.length; i++)
			target[offset + i] += v[i];
	}

	static void addProductTo(final float[] target, final int offset, final float[] w, final float[] v) {
		for (int i = 0; i < v.length; i++)
			target[offset + i] += w[i] * v[i];
	}
}
