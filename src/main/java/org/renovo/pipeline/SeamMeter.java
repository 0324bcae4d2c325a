package org.renovo.pipeline;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * How much tiling changes a model's result, measured where it can be: on a centred crop of the first
 * plane small enough to run as one tile, the tiled result against the one-tile result, as PSNR in the
 * model's [0, 1] units. Used for models that pool over their whole input when the image is too large
 * for one tile, so the log can say what the tiling cost.
 */
final class SeamMeter {

	/** Runs one plane's channel group with the given tile options; returns the blended planes in model units. */
	interface PlaneRun {
		float[][] run(List<RandomAccessibleInterval<? extends RealType<?>>> group, org.renovo.tiling.TileOptions tiles, int width, int height);
	}

	private SeamMeter() {}

	/** PSNR (dB) of the tiled against the one-tile result on a crop of side at most {@code side}. */
	static double psnr(final List<RandomAccessibleInterval<? extends RealType<?>>> group, final int width, final int height, final int side,
		final int multiple, final org.renovo.tiling.TileOptions tiles, final PlaneRun runner)
	{
		final int w = Math.min(width, side), h = Math.min(height, side);
		final long x0 = (width - w) / 2, y0 = (height - h) / 2;
		final List<RandomAccessibleInterval<? extends RealType<?>>> crop = new ArrayList<>();
		for (final RandomAccessibleInterval<? extends RealType<?>> plane : group)
			crop.add(Views.interval(plane, new FinalInterval(new long[] { plane.min(0) + x0, plane.min(1) + y0 }, new long[] { plane.min(0) + x0 + w - 1, plane.min(1) + y0 + h - 1 })));
		final int one = (Math.max(w, h) + multiple - 1) / multiple * multiple;
		final float[][] whole = runner.run(crop, tiles.withTileSize(one).withOverlap(0), w, h);
		final float[][] tiled = runner.run(crop, tiles, w, h);
		return psnr(whole, tiled);
	}

	static double psnr(final float[][] a, final float[][] b) {
		double se = 0;
		long n = 0;
		for (int c = 0; c < a.length; c++)
			for (int i = 0; i < a[c].length; i++, n++)
				se += (a[c][i] - b[c][i]) * (double) (a[c][i] - b[c][i]);
		return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(n / se);
	}
}
