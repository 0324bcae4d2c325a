package org.renovo.tiling;

/**
 * How a tile's source reads positions past the image edge. Both are defined for every integer position,
 * however far outside, and for an axis of one pixel.
 */
public enum EdgeMode {
	/** Mirror, edge pixel not repeated ({@code 2 1 | 0 1 2 3 | 2 1}): the Real-ESRGAN programs, and Renovo's default. */
	REFLECT {
		@Override
		public int index(final int i, final int n) {
			return MirrorIndex.reflect(i, n);
		}
	},
	/** Edge pixel repeated ({@code 0 0 | 0 1 2 3 | 3 3}): waifu2x. */
	REPLICATE {
		@Override
		public int index(final int i, final int n) {
			return i < 0 ? 0 : i >= n ? n - 1 : i;
		}
	};

	/** The in-image index that position {@code i} reads on an axis of length {@code n >= 1}. */
	public abstract int index(int i, int n);
}
