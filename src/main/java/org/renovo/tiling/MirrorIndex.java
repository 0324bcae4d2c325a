package org.renovo.tiling;

/**
 * Mirror extension of an image axis, edge pixel not repeated (numpy/PyTorch {@code reflect}):
 * for n = 4 the axis reads {@code ... 2 1 | 0 1 2 3 | 2 1 0 1 ...}. It is the extension the original
 * Real-ESRGAN programs use, and defined for every integer, however far outside, and for n = 1.
 */
public final class MirrorIndex {

	private MirrorIndex() {}

	/** The in-image index that position {@code i} reads on an axis of length {@code n >= 1}. */
	public static int reflect(final int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		int j = Math.floorMod(i, period);
		return j < n ? j : period - j;
	}
}
