package org.renovo.tensor;

/**
 * Writes float results into integer pixel types without wrap-around: round half up
 * ({@code floor(v + 0.5)}, as the original programs do) and clamp to the type's range. Float results
 * pass through unchanged, NaN included, so nothing is hidden.
 */
public final class Quantizer {

	private Quantizer() {}

	public static byte[] toUnsigned8(final float[] values) {
		final byte[] out = new byte[values.length];
		for (int i = 0; i < values.length; i++)
			out[i] = (byte) clampRound(values[i], 255);
		return out;
	}

	public static short[] toUnsigned16(final float[] values) {
		final short[] out = new short[values.length];
		for (int i = 0; i < values.length; i++)
			out[i] = (short) clampRound(values[i], 65535);
		return out;
	}

	/** Packs three 8-bit components into ImageJ's RGB int pixels. */
	public static int[] toRgb(final float[] r, final float[] g, final float[] b) {
		final int[] out = new int[r.length];
		for (int i = 0; i < r.length; i++)
			out[i] = 0xff000000 | clampRound(r[i], 255) << 16 | clampRound(g[i], 255) << 8 | clampRound(b[i], 255);
		return out;
	}

	/** Writes {@code values} into {@code out} from {@code offset} on (a band of rows of a larger plane). */
	public static void toUnsigned8(final float[] values, final byte[] out, final int offset) {
		for (int i = 0; i < values.length; i++)
			out[offset + i] = (byte) clampRound(values[i], 255);
	}

	public static void toUnsigned16(final float[] values, final short[] out, final int offset) {
		for (int i = 0; i < values.length; i++)
			out[offset + i] = (short) clampRound(values[i], 65535);
	}

	public static void toRgb(final float[] r, final float[] g, final float[] b, final int[] out, final int offset) {
		for (int i = 0; i < r.length; i++)
			out[offset + i] = 0xff000000 | clampRound(r[i], 255) << 16 | clampRound(g[i], 255) << 8 | clampRound(b[i], 255);
	}

	/** How many of {@code values} are NaN or round outside [0, max], i.e. would be clamped. */
	public static long outOfRange(final float[] values, final double max) {
		if (Double.isInfinite(max)) return 0;
		long n = 0;
		for (final float v : values)
			if (!(v >= -0.5f && v < max + 0.5)) n++;
		return n;
	}

	/** NB: NaN becomes 0 in an integer type, where it cannot be stored. */
	static int clampRound(final float v, final int max) {
		if (!(v > 0)) return 0;
		final double r = Math.floor(v + 0.5);
		return r >= max ? max : (int) r;
	}
}
