package org.renovo.model.ncnn;

import org.renovo.model.ncnn.NcnnFixture.Chw;

/** ncnn's Interp as its CPU layer computes it, written out plainly for comparison. */
final class NcnnReference {

	private NcnnReference() {}

	static Chw interp(final Chw x, final ParamDict p) {
		final int type = p.getInt(0, 0), align = p.getInt(6, 0);
		final float hs = p.getFloat(1, 1f), ws = p.getFloat(2, 1f);
		int outH = p.getInt(3, 0), outW = p.getInt(4, 0);
		final boolean sized = outH != 0 && outW != 0;
		if (!sized) {
			outH = (int) (x.h * hs);
			outW = (int) (x.w * ws);
		}
		final Chw y = new Chw(x.c, outH, outW);
		if (type == 1) {
			final float fy = sized ? x.h / (float) outH : 1f / hs, fx = sized ? x.w / (float) outW : 1f / ws;
			for (int c = 0; c < x.c; c++) for (int oy = 0; oy < outH; oy++) for (int ox = 0; ox < outW; ox++)
				y.set(c, oy, ox, x.get(c, Math.min((int) (oy * fy), x.h - 1), Math.min((int) (ox * fx), x.w - 1)));
			return y;
		}
		final int taps = type == 2 ? 2 : 4;
		final int[] yo = new int[outH], xo = new int[outW];
		final float[] ya = new float[outH * taps], xa = new float[outW * taps];
		coefficients(x.h, outH, align, type, yo, ya);
		coefficients(x.w, outW, align, type, xo, xa);
		for (int c = 0; c < x.c; c++) for (int oy = 0; oy < outH; oy++) for (int ox = 0; ox < outW; ox++) {
			float v = 0;
			for (int i = 0; i < taps; i++) for (int j = 0; j < taps; j++)
				v += ya[oy * taps + i] * xa[ox * taps + j] * x.get(c, clamp(yo[oy] + i, x.h), clamp(xo[ox] + j, x.w));
			y.set(c, oy, ox, v);
		}
		return y;
	}

	/** ncnn's linear_coeffs / cubic_coeffs: first tap and weights per output position, edges folded in. */
	private static void coefficients(final int n, final int out, final int align, final int type, final int[] offset, final float[] alpha) {
		final double scale = align != 0 ? (double) (n - 1) / (out - 1) : (double) n / out;
		for (int d = 0; d < out; d++) {
			float f = align != 0 ? (float) (d * scale) : (float) ((d + 0.5) * scale - 0.5);
			int s = (int) Math.floor(f);
			f -= s;
			if (type == 2) {
				if (s < 0) { s = 0; f = 0; }
				if (s >= n - 1) { s = n - 2; f = 1; }
				offset[d] = s;
				alpha[2 * d] = 1 - f;
				alpha[2 * d + 1] = f;
				continue;
			}
			final float[] a = cubic(f);
			if (s <= -1) { s = 1; a[0] = 1 - a[3]; a[1] = a[3]; a[2] = 0; a[3] = 0; }
			if (s == 0) { s = 1; a[0] = a[0] + a[1]; a[1] = a[2]; a[2] = a[3]; a[3] = 0; }
			if (s == n - 2) { s = n - 3; a[3] = a[2] + a[3]; a[2] = a[1]; a[1] = a[0]; a[0] = 0; }
			if (s >= n - 1) { s = n - 3; a[3] = 1 - a[0]; a[2] = a[0]; a[1] = 0; a[0] = 0; }
			offset[d] = s - 1;
			System.arraycopy(a, 0, alpha, 4 * d, 4);
		}
	}

	/** Keys cubic weights with A = -0.75 for taps at -1, 0, 1, 2. */
	private static float[] cubic(final float fx) {
		final float a = -0.75f;
		final float x0 = fx + 1, x1 = fx, x2 = 1 - fx;
		final float w0 = a * x0 * x0 * x0 - 5 * a * x0 * x0 + 8 * a * x0 - 4 * a;
		final float w1 = (a + 2) * x1 * x1 * x1 - (a + 3) * x1 * x1 + 1;
		final float w2 = (a + 2) * x2 * x2 * x2 - (a + 3) * x2 * x2 + 1;
		return new float[] { w0, w1, w2, 1 - w0 - w1 - w2 };
	}

	private static int clamp(final int i, final int n) {
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
