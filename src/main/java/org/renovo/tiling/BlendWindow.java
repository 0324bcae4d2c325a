package org.renovo.tiling;

/**
 * The weight profile across an overlap band: rises from 0 to 1 as {@code t} goes from 0 to 1, and
 * {@code rise(t) + rise(1 - t) == 1}, so the falling edge of one tile and the rising edge of its
 * neighbour sum to one at every pixel.
 */
public enum BlendWindow {
	/** {@code (1 - cos(πt)) / 2}: smooth at both ends, hides seams best. */
	RAISED_COSINE {
		@Override
		double rise(final double t) {
			return 0.5 - 0.5 * Math.cos(Math.PI * clamp(t));
		}
	},
	/** {@code t}: a linear ramp. */
	LINEAR {
		@Override
		double rise(final double t) {
			return clamp(t);
		}
	};

	abstract double rise(double t);

	private static double clamp(final double t) {
		return t < 0 ? 0 : t > 1 ? 1 : t;
	}
}
