package org.renovo.tiling;

/**
 * An immutable axis-aligned rectangle of pixels: {@code [x, x + width) × [y, y + height)}.
 * Coordinates may be negative (a source interval reaches past the image edge).
 */
public final class Box {

	private final int x, y, width, height;

	private Box(final int x, final int y, final int width, final int height) {
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
	}

	public static Box of(final int x, final int y, final int width, final int height) {
		if (width < 0 || height < 0) throw new IllegalArgumentException("Box size must not be negative, got " + width + "x" + height);
		return new Box(x, y, width, height);
	}

	public int x() { return x; }
	public int y() { return y; }
	public int width() { return width; }
	public int height() { return height; }
	public int maxX() { return x + width; }
	public int maxY() { return y + height; }

	/** This box scaled by an integer factor, as the output of a model with that scale covers it. */
	public Box scaled(final int factor) {
		return new Box(x * factor, y * factor, width * factor, height * factor);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Box)) return false;
		final Box b = (Box) o;
		return x == b.x && y == b.y && width == b.width && height == b.height;
	}

	@Override
	public int hashCode() {
		return ((x * 31 + y) * 31 + width) * 31 + height;
	}

	@Override
	public String toString() {
		return "Box[" + x + "," + y + " " + width + "x" + height + "]";
	}
}
