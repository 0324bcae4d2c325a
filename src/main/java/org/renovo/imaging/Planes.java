package org.renovo.imaging;

/**
 * Argument checks shared by the plane operations: a plane is a row-major {@code float[]} of
 * {@code width × height} values, index {@code y * width + x}.
 */
final class Planes {

	private Planes() {}

	/** Throws {@link IllegalArgumentException} unless the sizes are positive and {@code plane} holds exactly {@code width × height} values. */
	static void check(final float[] plane, final int width, final int height) {
		if (plane == null) throw new IllegalArgumentException("plane is null: pass a float[] of width × height values");
		checkSize(width, height, "plane");
		if ((long) width * height != plane.length)
			throw new IllegalArgumentException("plane holds " + plane.length + " values but width × height is " + width + " × " + height + " = "
				+ (long) width * height + ": pass the plane's own size");
	}

	static void checkSize(final int width, final int height, final String what) {
		if (width < 1 || height < 1)
			throw new IllegalArgumentException(what + " size must be positive, got " + width + " × " + height);
	}
}
