package org.renovo.imaging;

import java.util.Random;

/** Seeded synthetic test planes, values roughly 0..255. */
final class SyntheticImages {

	private SyntheticImages() {}

	/** Gradients plus low-frequency sines: smooth, in 0..255. */
	static float[] smooth(final int w, final int h) {
		final float[] p = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				p[y * w + x] = smoothAt(x, y, w, h);
		return p;
	}

	static float smoothAt(final double x, final double y, final int w, final int h) {
		final double v = 40 + 80 * x / w + 50 * y / h + 30 * Math.sin(2 * Math.PI * x / 37.0) * Math.cos(2 * Math.PI * y / 29.0)
			+ 20 * Math.sin(2 * Math.PI * (x + y) / 53.0);
		return (float) v;
	}

	/** Seeded Gaussian noise of standard deviation {@code sigma} around 128. */
	static float[] noise(final int w, final int h, final long seed, final double sigma) {
		final Random random = new Random(seed);
		final float[] p = new float[w * h];
		for (int i = 0; i < p.length; i++)
			p[i] = (float) (128 + sigma * random.nextGaussian());
		return p;
	}

	static float[] plus(final float[] a, final float[] b) {
		final float[] s = new float[a.length];
		for (int i = 0; i < a.length; i++)
			s[i] = a[i] + b[i];
		return s;
	}

	static double psnr(final float[] expected, final float[] actual, final double peak) {
		double se = 0;
		for (int i = 0; i < expected.length; i++) {
			final double d = expected[i] - actual[i];
			se += d * d;
		}
		return 10 * Math.log10(peak * peak / (se / expected.length));
	}
}
