package org.renovo.imaging;

/**
 * The Lanczos-3 taps of every output sample along one axis, computed once per resize: for output
 * sample {@code o}, {@code index[o][k]} is a source index (already clamped to the axis, i.e. edge
 * replicated) and {@code weight[o][k]} its weight; the weights of one sample sum to 1. Immutable after
 * construction.
 */
final class ResampleWeights {

	static final int LOBES = 3;

	final int[][] index;
	final double[][] weight;

	private ResampleWeights(final int[][] index, final double[][] weight) {
		this.index = index;
		this.weight = weight;
	}

	/** Taps mapping an axis of {@code inSize} samples to {@code outSize} samples, pixel centres aligned. */
	static ResampleWeights of(final int inSize, final int outSize) {
		final double scale = (double) inSize / outSize;
		// NB: when shrinking, the kernel is stretched by 1/factor so it low-passes at the new Nyquist
		// frequency (antialiasing, as ImageMagick and Pillow do); when enlarging it keeps its width.
		final double stretch = Math.max(1, scale);
		final double radius = LOBES * stretch;
		final int[][] index = new int[outSize][];
		final double[][] weight = new double[outSize][];
		for (int o = 0; o < outSize; o++) {
			final double centre = (o + 0.5) * scale - 0.5;
			final int first = (int) Math.ceil(centre - radius);
			final int last = (int) Math.floor(centre + radius);
			index[o] = new int[last - first + 1];
			weight[o] = new double[last - first + 1];
			double sum = 0;
			for (int i = first; i <= last; i++) {
				final double w = lanczos((i - centre) / stretch);
				index[o][i - first] = Math.min(Math.max(i, 0), inSize - 1);
				weight[o][i - first] = w;
				sum += w;
			}
			for (int k = 0; k < weight[o].length; k++)
				weight[o][k] /= sum;
		}
		return new ResampleWeights(index, weight);
	}

	/** The Lanczos kernel {@code sinc(x) sinc(x/a)} with {@code a = 3}, zero outside {@code |x| < 3}. */
	static double lanczos(final double x) {
		if (x == 0) return 1;
		if (Math.abs(x) >= LOBES) return 0;
		final double px = Math.PI * x;
		return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
	}
}
