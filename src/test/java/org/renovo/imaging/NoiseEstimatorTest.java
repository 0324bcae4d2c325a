package org.renovo.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renovo.imaging.LanczosResamplerTest.assertMessage;

import org.junit.jupiter.api.Test;

class NoiseEstimatorTest {

	private static final int W = 256, H = 256;

	@Test
	void findsTheSigmaOfGaussianNoiseOnASmoothImage() {
		final float[] clean = SyntheticImages.smooth(W, H);
		for (final double sigma : new double[] { 2, 5, 10, 20 }) {
			final float[] noisy = withNoise(clean, sigma, 42);
			final double estimate = NoiseEstimator.sigma(noisy, W, H);
			assertEquals(sigma, estimate, 0.15 * sigma, "sigma " + sigma);
		}
	}

	@Test
	void aCleanSmoothImageHasAlmostNoNoise() {
		final double estimate = NoiseEstimator.sigma(SyntheticImages.smooth(W, H), W, H);
		assertTrue(estimate < 1.0, "estimate " + estimate);
	}

	@Test
	void rampsAndSeparableShadingCancelExactly() {
		final float[] plane = new float[20 * 10];
		for (int y = 0; y < 10; y++)
			for (int x = 0; x < 20; x++)
				plane[y * 20 + x] = 5 * x - 3 * y + (float) Math.sin(x) * 40 + y * y;
		assertEquals(0, NoiseEstimator.sigma(plane, 20, 10), 1e-4);
	}

	@Test
	void leavingOutEdgesHalvesTheirBias() {
		// NB: axis-parallel steps are f(x) + g(y) and cancel anyway, so the scene has discs and
		// diagonal stripes of contrast 100 with hard, aliased edges. Measured (seeded):
		// true sigma 5: adaptive 6.93, plain Immerkær 9.60; true sigma 10: adaptive 11.36, plain 13.66.
		final float[] scene = SyntheticImages.smooth(W, H);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (Math.hypot(x % 64 - 32, y % 64 - 32) < 20 || (x + 2 * y) / 24 % 2 == 0) scene[y * W + x] += 100;
		final float[] noisy5 = withNoise(scene, 5, 42);
		final double adaptiveBias = NoiseEstimator.sigma(noisy5, W, H) - 5, plainBias = plainImmerkaer(noisy5) - 5;
		assertTrue(plainBias > 3, "plain bias " + plainBias);
		assertTrue(adaptiveBias < plainBias / 2, "adaptive bias " + adaptiveBias + ", plain " + plainBias);
		assertEquals(10, NoiseEstimator.sigma(withNoise(scene, 10, 42), W, H), 1.5);
	}

	/** Immerkær's estimator as published, every interior pixel: the oracle for the edge exclusion. */
	private static double plainImmerkaer(final float[] p) {
		double sum = 0;
		for (int y = 1; y < H - 1; y++)
			for (int x = 1; x < W - 1; x++) {
				final int c = y * W + x, n = c - W, s = c + W;
				sum += Math.abs(p[n - 1] - 2 * p[n] + p[n + 1] - 2 * p[c - 1] + 4 * p[c] - 2 * p[c + 1] + p[s - 1] - 2 * p[s] + p[s + 1]);
			}
		return Math.sqrt(Math.PI / 2) * sum / (6.0 * (W - 2) * (H - 2));
	}

	@Test
	void needsThreeByThree() {
		assertMessage(() -> NoiseEstimator.sigma(new float[6], 2, 3), "at least 3 × 3");
		assertMessage(() -> NoiseEstimator.sigma(new float[6], 3, 3), "holds 6 values");
		assertEquals(0, NoiseEstimator.sigma(new float[9], 3, 3), 0);
	}

	private static float[] withNoise(final float[] clean, final double sigma, final long seed) {
		final float[] noise = SyntheticImages.noise(W, H, seed, sigma);
		for (int i = 0; i < noise.length; i++)
			noise[i] -= 128;
		return SyntheticImages.plus(clean, noise);
	}
}
