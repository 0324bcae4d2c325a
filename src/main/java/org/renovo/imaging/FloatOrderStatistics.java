package org.renovo.imaging;

import java.util.Arrays;

/**
 * The finite values of a {@code float[]} in sorted order, without sorting them all: a radix select.
 * One pass counts the values per bucket of the top 16 bits of an order-preserving integer key; a
 * second pass gathers only the buckets that hold a requested rank, and only those are sorted. For the
 * tails of an image (0.5 and 99.5 %) that is a few hundred values; the worst case, every value in one
 * bucket, costs one sort. Immutable after construction.
 */
final class FloatOrderStatistics {

	private static final int BUCKETS = 1 << 16;

	private final float[] values;
	private final long[] cumulative;
	private final int count;

	FloatOrderStatistics(final float[] values) {
		this.values = values;
		cumulative = new long[BUCKETS];
		int n = 0;
		for (final float v : values)
			if (Float.isFinite(v)) {
				cumulative[bucket(v)]++;
				n++;
			}
		for (int b = 1; b < BUCKETS; b++)
			cumulative[b] += cumulative[b - 1];
		count = n;
	}

	/** How many values are finite. */
	int count() {
		return count;
	}

	/** The values of the given 0-based ranks in sorted order of the finite values. */
	double[] atRanks(final long[] ranks) {
		final float[][] gathered = gather(ranks);
		final double[] result = new double[ranks.length];
		for (int k = 0; k < ranks.length; k++) {
			final int b = bucketOfRank(ranks[k]);
			final long before = b == 0 ? 0 : cumulative[b - 1];
			result[k] = gathered[b][(int) (ranks[k] - before)];
		}
		return result;
	}

	/** The sorted values of every bucket that holds a requested rank; null for the other buckets. */
	private float[][] gather(final long[] ranks) {
		final float[][] buckets = new float[BUCKETS][];
		for (final long rank : ranks) {
			final int b = bucketOfRank(rank);
			buckets[b] = new float[(int) (cumulative[b] - (b == 0 ? 0 : cumulative[b - 1]))];
		}
		final int[] filled = new int[BUCKETS];
		for (final float v : values)
			if (Float.isFinite(v)) {
				final int b = bucket(v);
				if (buckets[b] != null) buckets[b][filled[b]++] = v;
			}
		for (final float[] bucket : buckets)
			if (bucket != null) Arrays.sort(bucket);
		return buckets;
	}

	private int bucketOfRank(final long rank) {
		int lo = 0, hi = BUCKETS - 1;
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > rank) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** The top 16 bits of a key whose unsigned order is the order of the float values. */
	private static int bucket(final float v) {
		final int bits = Float.floatToRawIntBits(v);
		// NB: positive floats order like their bits; negative ones in reverse, so flip them.
		final int key = bits >= 0 ? bits ^ 0x80000000 : ~bits;
		return key >>> 16;
	}
}
