package org.renovo.imaging;

/**
 * Estimates the standard deviation of additive Gaussian noise in a plane, in the plane's units, by
 * Immerkær's method (J. Immerkær, "Fast Noise Variance Estimation", CVIU 64(2):300–302, 1996), made
 * robust to edges as in the "adaptive Immerkær" variants:
 * <ol>
 * <li>Each interior pixel is convolved with the mask {@code [[1,-2,1],[-2,4,-2],[1,-2,1]]}, the
 * difference of two Laplacians. It cancels every function of the form {@code f(x) + g(y)} (so ramps
 * and smooth shading), while white noise of deviation σ gives responses of deviation 6σ.</li>
 * <li>Edges and texture respond too, so pixels whose Sobel gradient magnitude lies above its 90th
 * percentile are left out. NB: this selection does not bias the estimate on pure noise: the Sobel
 * masks are odd and Immerkær's mask even, so their responses to white noise are uncorrelated, and
 * for Gaussian noise independent.</li>
 * <li>σ = √(π/2) · mean |response| / 6 over the kept pixels (for a Gaussian, E|X| = σ √(2/π)).</li>
 * </ol>
 * Why not the wavelet estimator of scikit-image's {@code estimate_sigma} (Donoho's MAD of the finest
 * diagonal subband)? It is as accurate on natural images, but needs a wavelet transform and a median;
 * this is two 3 × 3 passes and one percentile, and it is what the paper validated for this purpose.
 * Written by hand: no library reachable from Maven Central offers it. Stateless and thread-safe.
 */
public final class NoiseEstimator {

	/** Pixels with a Sobel magnitude above this percentile are treated as edges and not measured. */
	static final double EDGE_PERCENTILE = 90;

	private NoiseEstimator() {}

	/**
	 * The estimated noise standard deviation of {@code plane}; 0 for a plane that is exactly
	 * {@code f(x) + g(y)}. NaN or infinite pixels make the result meaningless: replace them first.
	 *
	 * @throws IllegalArgumentException if {@code width} or {@code height} is below 3, or {@code plane}
	 *         does not hold {@code width × height} values
	 */
	public static double sigma(final float[] plane, final int width, final int height) {
		Planes.check(plane, width, height);
		if (width < 3 || height < 3)
			throw new IllegalArgumentException("noise estimation needs at least 3 × 3 pixels, got " + width + " × " + height + ": estimate on a larger plane");
		final int iw = width - 2, ih = height - 2;
		final float[] laplacian = new float[iw * ih];
		final float[] gradient = new float[iw * ih];
		for (int y = 1; y < height - 1; y++)
			for (int x = 1; x < width - 1; x++) {
				final int i = (y - 1) * iw + x - 1;
				laplacian[i] = Math.abs(immerkaer(plane, width, x, y));
				gradient[i] = sobelMagnitude(plane, width, x, y);
			}
		final double threshold = Percentiles.of(gradient, EDGE_PERCENTILE)[0];
		double sum = 0;
		long kept = 0;
		for (int i = 0; i < laplacian.length; i++)
			if (gradient[i] <= threshold) {
				sum += laplacian[i];
				kept++;
			}
		return Math.sqrt(Math.PI / 2) * sum / (6.0 * kept);
	}

	private static float immerkaer(final float[] p, final int w, final int x, final int y) {
		final int c = y * w + x, n = c - w, s = c + w;
		return p[n - 1] - 2 * p[n] + p[n + 1] - 2 * p[c - 1] + 4 * p[c] - 2 * p[c + 1] + p[s - 1] - 2 * p[s] + p[s + 1];
	}

	private static float sobelMagnitude(final float[] p, final int w, final int x, final int y) {
		final int c = y * w + x, n = c - w, s = c + w;
		final float gx = p[n + 1] + 2 * p[c + 1] + p[s + 1] - p[n - 1] - 2 * p[c - 1] - p[s - 1];
		final float gy = p[s - 1] + 2 * p[s] + p[s + 1] - p[n - 1] - 2 * p[n] - p[n + 1];
		return (float) Math.sqrt(gx * gx + gy * gy);
	}
}
