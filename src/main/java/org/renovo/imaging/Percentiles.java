package org.renovo.imaging;

/**
 * Exact percentiles of pixel values, with numpy's default ({@code 'linear'}) method: percentile
 * {@code p} of {@code n} sorted values {@code v} is {@code v[i] + f (v[i+1] - v[i])} where
 * {@code i + f = p / 100 × (n - 1)}. So {@code of({1, 2, 3, 4}, 25)} is 1.75.
 * <ul>
 * <li>{@code float} values: NaN and infinities are ignored; the order statistics are found by a radix
 * select ({@link FloatOrderStatistics}), linear in the number of pixels: a 16-megapixel plane takes
 * under 0.1 s, where sorting a copy took 1.6 s on two cores.</li>
 * <li>{@code short} values are read as unsigned 16-bit (0..65535), as ImageJ stores them, and counted
 * in a 65536-bin histogram: exact, and linear in the number of pixels.</li>
 * </ul>
 * Written by hand: the JDK has no percentile, and the libraries that do work on boxed or double data.
 * Stateless and thread-safe; the input arrays are never modified.
 */
public final class Percentiles {

	private static final int BINS = 1 << 16;

	private Percentiles() {}

	/**
	 * The given percentiles, in {@code [0, 100]}, of the finite values, in the order asked.
	 *
	 * @throws IllegalArgumentException if a percentile is outside {@code [0, 100]} or no value is finite
	 */
	public static double[] of(final float[] values, final double... percentiles) {
		checkPercentiles(percentiles);
		final FloatOrderStatistics statistics = new FloatOrderStatistics(values);
		if (statistics.count() == 0)
			throw new IllegalArgumentException("no finite value among " + values.length + " (all NaN or infinite): percentiles need at least one number");
		final long[] ranks = new long[2 * percentiles.length];
		for (int k = 0; k < percentiles.length; k++) {
			final double position = percentiles[k] / 100 * (statistics.count() - 1);
			ranks[2 * k] = (long) Math.floor(position);
			ranks[2 * k + 1] = Math.min(ranks[2 * k] + 1, statistics.count() - 1);
		}
		final double[] ordered = statistics.atRanks(ranks);
		final double[] result = new double[percentiles.length];
		for (int k = 0; k < percentiles.length; k++) {
			final double position = percentiles[k] / 100 * (statistics.count() - 1);
			result[k] = interpolate(ordered[2 * k], ordered[2 * k + 1], position - ranks[2 * k]);
		}
		return result;
	}

	/**
	 * The given percentiles, in {@code [0, 100]}, of {@code unsigned16} read as unsigned values 0..65535.
	 *
	 * @throws IllegalArgumentException if a percentile is outside {@code [0, 100]} or the array is empty
	 */
	public static double[] of(final short[] unsigned16, final double... percentiles) {
		checkPercentiles(percentiles);
		if (unsigned16.length == 0) throw new IllegalArgumentException("no values: percentiles need at least one number");
		final long[] cumulative = new long[BINS];
		for (final short v : unsigned16)
			cumulative[v & 0xffff]++;
		for (int b = 1; b < BINS; b++)
			cumulative[b] += cumulative[b - 1];
		final double[] result = new double[percentiles.length];
		for (int k = 0; k < percentiles.length; k++) {
			final double position = percentiles[k] / 100 * (unsigned16.length - 1);
			final long i = (long) Math.floor(position);
			final long j = Math.min(i + 1, unsigned16.length - 1);
			result[k] = interpolate(orderStatistic(cumulative, i), orderStatistic(cumulative, j), position - i);
		}
		return result;
	}

	/** The value of rank {@code rank} (0-based) in sorted order: the first bin whose cumulative count exceeds it. */
	private static int orderStatistic(final long[] cumulative, final long rank) {
		int lo = 0, hi = BINS - 1;
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > rank) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	private static double interpolate(final double low, final double high, final double fraction) {
		return low + fraction * (high - low);
	}

	private static void checkPercentiles(final double[] percentiles) {
		for (final double p : percentiles)
			if (!(p >= 0 && p <= 100))
				throw new IllegalArgumentException("percentile " + p + " is outside [0, 100]: pass e.g. 0.5 or 99.5, not a fraction of 1");
	}
}
