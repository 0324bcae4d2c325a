package org.renovo.imaging;

import java.util.stream.IntStream;

/**
 * Resizes a plane with separable Lanczos-3 ({@code a = 3}) resampling.
 * <ul>
 * <li>Pixel centres are aligned: output sample {@code x} reads source position
 * {@code (x + 0.5) * width / newWidth - 0.5} (as ImageMagick, Pillow and OpenCV do), so the image
 * does not shift by half a pixel.</li>
 * <li>When shrinking, the kernel is stretched by {@code width / newWidth}, which low-passes the image
 * before it is decimated (antialiasing); when enlarging, the kernel keeps its width.</li>
 * <li>Each output sample's weights are normalised to sum to 1, so a constant plane stays constant;
 * positions past the edge read the edge sample (replicate).</li>
 * <li>The result is not clipped: Lanczos overshoots next to sharp edges, and callers quantise later.</li>
 * </ul>
 * The taps of each output column and row are computed once per call ({@link ResampleWeights}); rows
 * are filtered in parallel. Written by hand because no library reachable from Maven Central resamples a
 * {@code float[]} this way without imglib2-algorithm. Stateless and thread-safe.
 *
 * <pre>{@code
 * float[] big = LanczosResampler.resize(plane, 640, 480, 1280, 960);
 * }</pre>
 */
public final class LanczosResampler {

	private LanczosResampler() {}

	/** A one-line description of the method, for logs and image info. */
	public static String describe() {
		return "Lanczos-3, separable, antialiased when shrinking, edges replicated, unclipped";
	}

	/**
	 * Returns a new plane of {@code newWidth × newHeight}; {@code plane} is not modified.
	 *
	 * @throws IllegalArgumentException if a size is not positive, {@code plane} does not hold
	 *         {@code width × height} values, or the result would not fit in one array
	 */
	public static float[] resize(final float[] plane, final int width, final int height, final int newWidth, final int newHeight) {
		Planes.check(plane, width, height);
		Planes.checkSize(newWidth, newHeight, "new");
		if ((long) newWidth * Math.max(height, newHeight) > Integer.MAX_VALUE)
			throw new IllegalArgumentException("a " + newWidth + " × " + Math.max(height, newHeight) + " plane exceeds the 2^31 values a Java array holds: resize in tiles or to a smaller size");
		final float[] rows = resizeRows(plane, width, height, ResampleWeights.of(width, newWidth));
		return resizeColumns(rows, newWidth, ResampleWeights.of(height, newHeight));
	}

	private static float[] resizeRows(final float[] in, final int width, final int height, final ResampleWeights taps) {
		final int newWidth = taps.index.length;
		final float[] out = new float[newWidth * height];
		IntStream.range(0, height).parallel().forEach(y -> {
			final int row = y * width;
			for (int x = 0; x < newWidth; x++) {
				final int[] index = taps.index[x];
				final double[] weight = taps.weight[x];
				double sum = 0;
				for (int k = 0; k < index.length; k++)
					sum += weight[k] * in[row + index[k]];
				out[y * newWidth + x] = (float) sum;
			}
		});
		return out;
	}

	private static float[] resizeColumns(final float[] in, final int width, final ResampleWeights taps) {
		final int newHeight = taps.index.length;
		final float[] out = new float[width * newHeight];
		// NB: one output row is a weighted sum of whole input rows, which reads memory in order.
		IntStream.range(0, newHeight).parallel().forEach(y -> {
			final double[] sum = new double[width];
			final int[] index = taps.index[y];
			final double[] weight = taps.weight[y];
			for (int k = 0; k < index.length; k++) {
				final int row = index[k] * width;
				final double w = weight[k];
				for (int x = 0; x < width; x++)
					sum[x] += w * in[row + x];
			}
			for (int x = 0; x < width; x++)
				out[y * width + x] = (float) sum[x];
		});
		return out;
	}
}
