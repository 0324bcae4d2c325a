package org.renovo.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LanczosResamplerTest {

	@Test
	void constantPlaneStaysConstant() {
		final float[] plane = filled(37 * 23, 200.5f);
		for (final int[] size : new int[][] { { 37, 23 }, { 55, 34 }, { 13, 8 }, { 1, 1 }, { 100, 3 } }) {
			final float[] out = LanczosResampler.resize(plane, 37, 23, size[0], size[1]);
			assertEquals(size[0] * size[1], out.length);
			for (final float v : out)
				assertEquals(200.5, v, 1e-6, "size " + Arrays.toString(size));
		}
	}

	@Test
	void sameSizeIsIdentity() {
		final float[] plane = SyntheticImages.noise(31, 17, 1, 100);
		assertArrayEquals(plane, LanczosResampler.resize(plane, 31, 17, 31, 17), 1e-6f);
	}

	@Test
	void upscalingKeepsALinearRampLinearAwayFromTheEdges() {
		// NB: normalised Lanczos-3 does not reproduce a ramp exactly: a sample at fractional offset t
		// lands at t + m(t), where m is the kernel's first moment (|m| < 0.02 px, zero at t = 0 and
		// 1/2). The oracle below computes m independently; away from the edges the result must match it.
		final int w = 40, h = 30, nw = 100, nh = 45;
		final float[] ramp = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				ramp[y * w + x] = 3f * x - 2f * y + 10;
		final float[] out = LanczosResampler.resize(ramp, w, h, nw, nh);
		int checked = 0;
		for (int y = 0; y < nh; y++)
			for (int x = 0; x < nw; x++) {
				final double sx = (x + 0.5) * w / nw - 0.5, sy = (y + 0.5) * h / nh - 0.5;
				if (sx < 3 || sx > w - 4 || sy < 3 || sy > h - 4) continue;
				final double expected = 3 * (sx + firstMoment(sx)) - 2 * (sy + firstMoment(sy)) + 10;
				assertEquals(expected, out[y * nw + x], 1e-4, "x=" + x + " y=" + y);
				assertEquals(3 * sx - 2 * sy + 10, out[y * nw + x], 0.02 * (3 + 2), "x=" + x + " y=" + y);
				checked++;
			}
		assertTrue(checked > 1000, "checked " + checked);
	}

	/** Where normalised Lanczos-3 puts a sample read at source position {@code s}, minus {@code s}. */
	private static double firstMoment(final double s) {
		final double t = s - Math.floor(s);
		double sum = 0, moment = 0;
		for (int k = -2; k <= 3; k++) {
			final double d = k - t;
			final double w = d == 0 ? 1 : 3 * Math.sin(Math.PI * d) * Math.sin(Math.PI * d / 3) / (Math.PI * Math.PI * d * d);
			sum += w;
			moment += w * d;
		}
		return moment / sum;
	}

	@Test
	void shrinkingACheckerboardByTwoGivesItsMean() {
		// NB: in the interior the stretched kernel's taps pair up symmetrically on opposite colours, so
		// the mean is exact; within 3 output pixels of an edge, replicated pixels break the pattern.
		final int n = 64, m = n / 2;
		final float[] board = new float[n * n];
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++)
				board[y * n + x] = (x + y) % 2 == 0 ? 200 : 40;
		final float[] out = LanczosResampler.resize(board, n, n, m, m);
		for (int y = 0; y < m; y++)
			for (int x = 0; x < m; x++) {
				final boolean interior = x >= 3 && y >= 3 && x < m - 3 && y < m - 3;
				assertEquals(120, out[y * m + x], interior ? 1e-3 : 120 * 0.03, "x=" + x + " y=" + y);
			}
	}

	@Test
	void shrinkingByAThirdAveragesACheckerboard() {
		// NB: at factor 1/2 even an unstretched kernel averages the checkerboard in the interior (it
		// reads two opposite pixels at ±0.5), so the antialiasing shows at 64 -> 21: without the
		// stretched kernel this interior reads 169, not 120.
		final int n = 64;
		final float[] board = new float[n * n];
		for (int i = 0; i < n * n; i++)
			board[i] = ((i % n) + (i / n)) % 2 == 0 ? 200 : 40;
		final float[] out = LanczosResampler.resize(board, n, n, 21, 21);
		for (int y = 4; y < 17; y++)
			for (int x = 4; x < 17; x++)
				assertEquals(120, out[y * 21 + x], 120 * 0.02, "x=" + x + " y=" + y);
	}

	@Test
	void upThenDownReturnsASmoothImage() {
		final int w = 96, h = 64;
		final float[] smooth = SyntheticImages.smooth(w, h);
		for (final double factor : new double[] { 1.5, 2, 3 }) {
			final int bw = (int) Math.round(w * factor), bh = (int) Math.round(h * factor);
			final float[] back = LanczosResampler.resize(LanczosResampler.resize(smooth, w, h, bw, bh), bw, bh, w, h);
			final double psnr = SyntheticImages.psnr(smooth, back, 255);
			assertTrue(psnr > 40, "factor " + factor + ": PSNR " + psnr + " dB");
		}
	}

	@Test
	void oddFactorsAndShapes() {
		final float[] smooth = SyntheticImages.smooth(80, 50);
		final float[] up = LanczosResampler.resize(smooth, 80, 50, 120, 75);
		assertEquals(120 * 75, up.length);
		// NB: resampling a smooth image keeps its mean; the edges (replicated) shift it slightly.
		final float[] down = LanczosResampler.resize(smooth, 80, 50, 30, 19);
		assertEquals(30 * 19, down.length);
		assertEquals(mean(smooth), mean(down), 1.0);
		assertEquals(mean(smooth), mean(up), 0.5);
		final float[] single = LanczosResampler.resize(new float[] { 7 }, 1, 1, 5, 3);
		assertArrayEquals(filled(15, 7), single, 1e-6f);
		final float[] toOne = LanczosResampler.resize(new float[] { 0, 10, 20, 30 }, 4, 1, 1, 1);
		assertEquals(15, toOne[0], 1e-5);
	}

	@Test
	void factor037KeepsStructure() {
		final int w = 200, h = 120, nw = 74, nh = 44;
		final float[] smooth = SyntheticImages.smooth(w, h);
		final float[] down = LanczosResampler.resize(smooth, w, h, nw, nh);
		final float[] expected = new float[nw * nh];
		for (int y = 0; y < nh; y++)
			for (int x = 0; x < nw; x++)
				expected[y * nw + x] = SyntheticImages.smoothAt((x + 0.5) * w / nw - 0.5, (y + 0.5) * h / nh - 0.5, w, h);
		assertTrue(SyntheticImages.psnr(expected, down, 255) > 35);
	}

	@Test
	void badArgumentsAreRejectedWithAMessage() {
		final float[] plane = new float[12];
		assertMessage(() -> LanczosResampler.resize(plane, 0, 12, 5, 5), "size must be positive");
		assertMessage(() -> LanczosResampler.resize(plane, 3, 4, 5, -1), "size must be positive");
		assertMessage(() -> LanczosResampler.resize(plane, 3, 5, 5, 5), "holds 12 values");
		assertMessage(() -> LanczosResampler.resize(null, 3, 4, 5, 5), "null");
		assertMessage(() -> LanczosResampler.resize(plane, 3, 4, 100_000, 100_000), "2^31");
	}

	@Test
	void describesItself() {
		assertEquals("Lanczos-3, separable, antialiased when shrinking, edges replicated, unclipped", LanczosResampler.describe());
	}

	static void assertMessage(final Runnable call, final String part) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}

	private static float[] filled(final int n, final float v) {
		final float[] a = new float[n];
		Arrays.fill(a, v);
		return a;
	}

	private static double mean(final float[] a) {
		double s = 0;
		for (final float v : a) s += v;
		return s / a.length;
	}
}
