package org.renovo.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.renovo.imaging.LanczosResamplerTest.assertMessage;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Expected values are numpy 'linear' ({@code np.percentile}) results, computed by hand and checked with numpy. */
class PercentilesTest {

	@Test
	void matchesNumpyOnSmallArrays() {
		assertArrayEquals(new double[] { 1.75 }, Percentiles.of(new float[] { 1, 2, 3, 4 }, 25), 1e-12);
		// np.percentile([3,1,4,1,5,9,2,6], [0,10,33.3,50,90,99.5,100])
		assertArrayEquals(new double[] { 1, 1, 2.331, 3.5, 6.9, 8.895, 9 },
			Percentiles.of(new float[] { 3, 1, 4, 1, 5, 9, 2, 6 }, 0, 10, 33.3, 50, 90, 99.5, 100), 1e-9);
		// np.percentile([2.5, -1000, 7.25], 40)
		assertArrayEquals(new double[] { -198 }, Percentiles.of(new float[] { 2.5f, -1000, 7.25f }, 40), 1e-9);
		assertArrayEquals(new double[] { 5, 5, 5 }, Percentiles.of(new float[] { 5 }, 0, 50, 100), 0);
	}

	@Test
	void ignoresNaNAndInfinities() {
		final float[] values = { Float.NaN, 1, Float.POSITIVE_INFINITY, 2, 3, Float.NEGATIVE_INFINITY, 4, Float.NaN };
		assertArrayEquals(new double[] { 1, 1.75, 4 }, Percentiles.of(values, 0, 25, 100), 1e-12);
	}

	@Test
	void readsShortsAsUnsigned() {
		// np.percentile([40000, 2, 65535, 7, 7], [0, 20, 50, 75, 100])
		final short[] values = { (short) 40000, 2, (short) 65535, 7, 7 };
		assertArrayEquals(new double[] { 2, 6, 7, 40000, 65535 }, Percentiles.of(values, 0, 20, 50, 75, 100), 1e-9);
		assertArrayEquals(new double[] { 1.75 }, Percentiles.of(new short[] { 4, 3, 2, 1 }, 25), 1e-12);
	}

	@Test
	void histogramAgreesWithSortingOnRandom16BitData() {
		final Random random = new Random(7);
		final short[] shorts = new short[10_001];
		final float[] floats = new float[shorts.length];
		for (int i = 0; i < shorts.length; i++) {
			shorts[i] = (short) random.nextInt(65536);
			floats[i] = shorts[i] & 0xffff;
		}
		final double[] ps = { 0, 0.5, 12.34, 50, 99.5, 100 };
		assertArrayEquals(Percentiles.of(floats, ps), Percentiles.of(shorts, ps), 1e-6);
	}

	@Test
	void radixSelectAgreesWithASortingOracle() {
		final Random random = new Random(11);
		final double[] ps = { 0, 0.5, 1, 25, 50, 73.2, 99, 99.5, 100 };
		for (int trial = 0; trial < 20; trial++) {
			final float[] values = new float[1 + random.nextInt(5000)];
			for (int i = 0; i < values.length; i++)
				values[i] = trial % 4 == 0 ? random.nextInt(5) - 2 // NB: few distinct values, many ties, -2..2
					: trial % 4 == 1 ? (random.nextBoolean() ? -0.0f : 0.0f)
					: (float) (random.nextGaussian() * Math.pow(10, random.nextInt(8) - 4));
			assertArrayEquals(sortingOracle(values, ps), Percentiles.of(values, ps), 1e-9, "trial " + trial);
		}
	}

	private static double[] sortingOracle(final float[] values, final double[] ps) {
		final float[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		final double[] result = new double[ps.length];
		for (int k = 0; k < ps.length; k++) {
			final double position = ps[k] / 100 * (sorted.length - 1);
			final int i = (int) position;
			final int j = Math.min(i + 1, sorted.length - 1);
			result[k] = sorted[i] + (position - i) * ((double) sorted[j] - sorted[i]);
		}
		return result;
	}

	@Test
	void rejectsBadInput() {
		assertMessage(() -> Percentiles.of(new float[] { Float.NaN, Float.NaN }, 50), "no finite value");
		assertMessage(() -> Percentiles.of(new float[0], 50), "no finite value");
		assertMessage(() -> Percentiles.of(new short[0], 50), "no values");
		assertMessage(() -> Percentiles.of(new float[] { 1 }, 101), "outside [0, 100]");
		assertMessage(() -> Percentiles.of(new float[] { 1 }, -0.1), "outside [0, 100]");
		assertMessage(() -> Percentiles.of(new short[] { 1 }, Double.NaN), "outside [0, 100]");
	}

	@Test
	void leavesTheInputAlone() {
		final float[] values = { 3, 1, 2 };
		Percentiles.of(values, 50);
		assertArrayEquals(new float[] { 3, 1, 2 }, values);
	}
}
