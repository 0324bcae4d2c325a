package org.renovo.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renovo.imaging.LanczosResamplerTest.assertMessage;

import org.junit.jupiter.api.Test;
import org.renovo.imaging.ColourRestoration.Balance;
import org.renovo.imaging.ColourRestoration.Options;
import org.renovo.imaging.ColourRestoration.Result;

class ColourRestorationTest {

	private static final int N = 128;
	private static final Options GREY_WORLD = Options.defaults().withBalance(Balance.GREY_WORLD);

	/**
	 * A true colour image whose three channels are the same smooth pattern transposed and mirrored, so
	 * they share one histogram: the restored image is then known exactly, each channel stretched by its
	 * own percentiles, with every balance gain 1.
	 */
	private static float[][] truth() {
		final float[] f = SyntheticImages.smooth(N, N);
		final float[][] rgb = new float[3][N * N];
		for (int y = 0; y < N; y++)
			for (int x = 0; x < N; x++) {
				rgb[0][y * N + x] = f[y * N + x];
				rgb[1][y * N + x] = f[x * N + y];
				rgb[2][y * N + x] = f[y * N + N - 1 - x];
			}
		return rgb;
	}

	/** The truth scaled into [60, 180] (its 0..255 range) with a red cast: R + 30, G × 0.8, B × 0.7. */
	private static float[][] faded(final float[][] truth) {
		final double[] gain = { 1.0, 0.8, 0.7 }, offset = { 30, 0, 0 };
		final float[][] out = new float[3][N * N];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < N * N; i++)
				out[c][i] = (float) ((60 + truth[c][i] * 120 / 255) * gain[c] + offset[c]);
		return out;
	}

	@Test
	void restoresAFadedPhotographWithARedCast() {
		final float[][] truth = truth(), input = faded(truth);
		final float[][] out = ColourRestoration.apply(input, N, N, GREY_WORLD).channels();
		final double[] means = new double[3];
		for (int c = 0; c < 3; c++) {
			means[c] = ChannelBalance.mean(out[c]);
			final double[] p = Percentiles.of(out[c], 0.5, 99.5);
			assertEquals(0, p[0], 1, "channel " + c);
			assertEquals(255, p[1], 1, "channel " + c);
			final double[] t = Percentiles.of(truth[c], 0.5, 99.5);
			for (int i = 0; i < N * N; i++)
				assertEquals((truth[c][i] - t[0]) * 255 / (t[1] - t[0]), out[c][i], 0.01, "channel " + c + " pixel " + i);
		}
		assertEquals(means[0], means[1], 3);
		assertEquals(means[0], means[2], 3);
		assertEquals(means[1], means[2], 3);
	}

	@Test
	void strengthZeroReturnsTheInputAndHalfIsHalfway() {
		final float[][] input = faded(truth());
		final float[][] none = ColourRestoration.apply(input, N, N, GREY_WORLD.withStrength(0)).channels();
		final float[][] full = ColourRestoration.apply(input, N, N, GREY_WORLD).channels();
		final float[][] half = ColourRestoration.apply(input, N, N, GREY_WORLD.withStrength(0.5)).channels();
		for (int c = 0; c < 3; c++) {
			assertArrayEquals(input[c], none[c], 0f);
			assertTrue(none[c] != input[c], "a new array");
			for (int i = 0; i < N * N; i++)
				assertEquals((input[c][i] + full[c][i]) / 2, half[c][i], 1e-4);
		}
	}

	@Test
	void leavesTheInputUnchanged() {
		final float[][] input = faded(truth());
		final float[][] copy = { input[0].clone(), input[1].clone(), input[2].clone() };
		for (final Balance balance : Balance.values())
			ColourRestoration.apply(input, N, N, Options.defaults().withBalance(balance));
		for (int c = 0; c < 3; c++)
			assertArrayEquals(copy[c], input[c], 0f);
	}

	@Test
	void greyWorldEqualisesMeansAndWhitePatchEqualisesHighlights() {
		// NB: a blue-dominated scene: after the stretch the channel means differ (blue sky is not a cast).
		final float[] f = SyntheticImages.smooth(N, N);
		final float[][] scene = new float[3][N * N];
		for (int i = 0; i < N * N; i++) {
			scene[0][i] = f[i] * f[i] / 255;
			scene[1][i] = f[i];
			scene[2][i] = (float) Math.sqrt(f[i] * 255);
		}
		final float[][] plain = ColourRestoration.apply(scene, N, N, Options.defaults()).channels();
		assertTrue(Math.abs(ChannelBalance.mean(plain[0]) - ChannelBalance.mean(plain[2])) > 20, "means differ after the stretch alone");
		final float[][] grey = ColourRestoration.apply(scene, N, N, GREY_WORLD).channels();
		final double target = (ChannelBalance.mean(plain[0]) + ChannelBalance.mean(plain[1]) + ChannelBalance.mean(plain[2])) / 3;
		for (int c = 0; c < 3; c++)
			assertEquals(target, ChannelBalance.mean(grey[c]), 1e-3, "channel " + c);
		final float[][] white = ColourRestoration.apply(scene, N, N, Options.defaults().withBalance(Balance.WHITE_PATCH)).channels();
		final double[] p99 = new double[3];
		double max = 0;
		for (int c = 0; c < 3; c++)
			max = Math.max(max, p99[c] = Percentiles.of(plain[c], 99)[0]);
		for (int c = 0; c < 3; c++)
			assertEquals(max, Percentiles.of(white[c], 99)[0], 1e-3, "channel " + c);
	}

	@Test
	void oneChannelIsStretchedAndNotBalanced() {
		final float[] grey = faded(truth())[1];
		final Result result = ColourRestoration.apply(new float[][] { grey }, N, N, GREY_WORLD);
		final double[] p = Percentiles.of(result.channels()[0], 0.5, 99.5);
		assertEquals(0, p[0], 1e-3);
		assertEquals(255, p[1], 1e-3);
		assertTrue(result.record().contains("grey: p0.5="), result.record());
		assertTrue(result.record().contains("gain 1.0000"), result.record());
	}

	@Test
	void aFlatChannelIsLeftUnstretchedAndTheRecordSaysSo() {
		final float[][] input = faded(truth());
		java.util.Arrays.fill(input[2], 77);
		final Result result = ColourRestoration.apply(input, N, N, Options.defaults());
		assertArrayEquals(input[2], result.channels()[2], 0f);
		assertTrue(result.record().contains("B: p0.5=77.00 p99.5=77.00, flat, left unstretched"), result.record());
		assertTrue(result.record().contains("R: p0.5="), result.record());
		assertTrue(result.record().startsWith("Colour restoration: strength 1.00, balance NONE; stretch p0.5..p99.5 to 0..255"), result.record());
		assertNotEquals(input[0][0], result.channels()[0][0]);
	}

	@Test
	void badArgumentsAreRejectedWithAMessage() {
		assertMessage(() -> Options.defaults().withStrength(1.5), "strength must be in [0, 1]");
		assertMessage(() -> Options.defaults().withStrength(Double.NaN), "strength must be in [0, 1]");
		assertMessage(() -> Options.defaults().withPercentiles(99, 1), "0 <= low < high <= 100");
		assertMessage(() -> Options.defaults().withBalance(null), "Balance.NONE");
		assertMessage(() -> ColourRestoration.apply(new float[0][], 1, 1, Options.defaults()), "no channels");
		assertMessage(() -> ColourRestoration.apply(new float[][] { new float[4], new float[5] }, 2, 2, Options.defaults()), "holds 5 values");
		assertMessage(() -> ColourRestoration.apply(new float[][] { { Float.NaN } }, 1, 1, Options.defaults()), "no finite value");
	}
}
