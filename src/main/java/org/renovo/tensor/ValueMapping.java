package org.renovo.tensor;

/**
 * The affine map between an image's values and a model's input range [0, 1]:
 * {@code model = (value - low) / (high - low)}, and back with the same transform, unclipped.
 * <ul>
 * <li>8-bit and RGB: low 0, high 255 (what the original ncnn programs do);</li>
 * <li>16-bit and 32-bit: the display range the user sees, so the model gets a visible image; values
 * outside it map outside [0, 1] and come back unchanged by the mapping;</li>
 * <li>a display range of zero width falls back to the data range, and a constant plane to [v, v + 1].</li>
 * </ul>
 * Clamping and rounding happen only when writing an integer type ({@link Quantizer}). Immutable.
 */
public final class ValueMapping {

	private final double low, high;

	private ValueMapping(final double low, final double high) {
		if (!(high > low) || Double.isInfinite(high - low)) throw new IllegalArgumentException("Value range must have low < high, got [" + low + ", " + high + "]");
		this.low = low;
		this.high = high;
	}

	/** Linear map of {@code [low, high]} onto [0, 1]. */
	public static ValueMapping of(final double low, final double high) {
		return new ValueMapping(low, high);
	}

	/**
	 * The documented mapping for a pixel type: 8-bit types map [0, 255]; 16- and 32-bit map the display
	 * range, or, when it is empty, the data range.
	 */
	public static ValueMapping forType(final PixelType type, final double displayMin, final double displayMax, final double dataMin, final double dataMax) {
		switch (type) {
			case UINT8:
			case RGB:
				return new ValueMapping(0, 255);
			default:
				if (displayMax > displayMin) return new ValueMapping(displayMin, displayMax);
				if (dataMax > dataMin) return new ValueMapping(dataMin, dataMax);
				return new ValueMapping(dataMin, dataMin + 1);
		}
	}

	public double low() { return low; }
	public double high() { return high; }

	public float toModel(final double value) {
		return (float) ((value - low) / (high - low));
	}

	public float fromModel(final float y) {
		return (float) (low + y * (high - low));
	}

	/** Human-readable record of the mapping, for the output's info and the log. */
	public String describe() {
		return "[" + low + ", " + high + "] -> [0, 1] -> [" + low + ", " + high + "], affine, unclipped";
	}

	@Override
	public String toString() {
		return "ValueMapping" + describe();
	}
}
