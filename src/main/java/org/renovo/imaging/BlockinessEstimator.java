package org.renovo.imaging;

/**
 * Measures JPEG 8 × 8 block artefacts: the mean absolute difference between neighbouring pixels
 * across block boundaries (columns {@code 8k-1 | 8k}, and rows likewise) divided by the mean absolute
 * difference between neighbours everywhere else. Natural content has no preferred phase, so the ratio
 * is about 1.0 without blocking and grows with it: JPEG quantises each block on its own, and the
 * seams between blocks become steps. Because it compares positions on the 8-pixel grid with the
 * others, noise and texture raise both terms alike, and a grid that is not at the origin (an image
 * cropped after compression) is missed. Measured in {@code BlockinessEstimatorTest} on a 256 × 256
 * synthetic grey image (javax.imageio JPEG writer): uncompressed 0.99, quality 0.95 0.99, 0.5 1.57,
 * 0.1 3.60; the quality-0.1 image cropped by 3 pixels 0.97.
 * <p>
 * The caller maps the strength to a restoration level. Written by hand: no library reachable from
 * Maven Central measures this. Stateless and thread-safe.
 */
public final class BlockinessEstimator {

	/** JPEG's block size, in pixels. */
	static final int BLOCK = 8;

	private BlockinessEstimator() {}

	/**
	 * The block-artefact strength of {@code plane} (luminance, any units): about 1.0 without blocking,
	 * larger with it. Returns 1.0 ("no evidence") for a plane narrower or lower than 16 pixels, which
	 * holds fewer than two blocks per row or column; 1.0 for a constant plane; and positive infinity for
	 * a plane that is constant inside each block but steps between blocks.
	 *
	 * @throws IllegalArgumentException if {@code plane} does not hold {@code width × height} values
	 */
	public static double strength(final float[] plane, final int width, final int height) {
		Planes.check(plane, width, height);
		if (width < 2 * BLOCK || height < 2 * BLOCK) return 1.0;
		final double[] sums = new double[2];
		final long[] counts = new long[2];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final float v = plane[y * width + x];
				if (x > 0) add(sums, counts, x % BLOCK == 0, Math.abs(v - plane[y * width + x - 1]));
				if (y > 0) add(sums, counts, y % BLOCK == 0, Math.abs(v - plane[(y - 1) * width + x]));
			}
		final double across = sums[1] / counts[1], inside = sums[0] / counts[0];
		if (inside == 0) return across == 0 ? 1.0 : Double.POSITIVE_INFINITY;
		return across / inside;
	}

	private static void add(final double[] sums, final long[] counts, final boolean boundary, final double difference) {
		final int k = boundary ? 1 : 0;
		sums[k] += difference;
		counts[k]++;
	}
}
