package org.renovo.tiling;

/**
 * How a model maps input pixels to output pixels, in input pixels:
 * <ul>
 * <li>{@code scale}: output pixels per input pixel (1 for denoisers);</li>
 * <li>{@code border}: input pixels lost on each side by valid (unpadded) convolutions;</li>
 * <li>{@code multiple}: input width and height must be multiples of it;</li>
 * <li>{@code radius}: how far an output pixel sees, or {@link #UNBOUNDED} when the model pools over
 * its whole input (squeeze-and-excitation), so no finite halo makes tiling exact;</li>
 * <li>{@code minSize}: the smallest image side the model accepts;</li>
 * <li>{@code wholeInput}: the model pools over its whole input (squeeze-and-excitation, global
 * pooling), so its result depends on how the image is tiled, however wide the halo. A radius too wide
 * to measure is {@link #UNBOUNDED} without this.</li>
 * </ul>
 * Immutable. {@code ModelGeometry.of(4, 10, 0, 1)} describes a same-padded ×4 model.
 */
public final class ModelGeometry {

	/** Radius of a model whose output depends on its whole input. */
	public static final int UNBOUNDED = Integer.MAX_VALUE;

	private final int scale, radius, border, multiple, minSize;
	private final boolean wholeInput;

	private ModelGeometry(final int scale, final int radius, final int border, final int multiple, final int minSize, final boolean wholeInput) {
		this.scale = require("scale", scale, 1);
		this.radius = require("radius", radius, 0);
		this.border = require("border", border, 0);
		this.multiple = require("multiple", multiple, 1);
		this.minSize = require("minSize", minSize, 1);
		this.wholeInput = wholeInput;
	}

	public static ModelGeometry of(final int scale, final int radius, final int border, final int multiple) {
		return new ModelGeometry(scale, radius, border, multiple, 1, false);
	}

	public ModelGeometry withMinSize(final int minSize) {
		return new ModelGeometry(scale, radius, border, multiple, minSize, wholeInput);
	}

	public ModelGeometry withRadius(final int radius) {
		return new ModelGeometry(scale, radius, border, multiple, minSize, wholeInput);
	}

	/** This geometry for a model that does ({@code true}) or does not pool over its whole input. */
	public ModelGeometry withWholeInput(final boolean pools) {
		return new ModelGeometry(scale, pools ? UNBOUNDED : radius, border, multiple, minSize, pools);
	}

	public int scale() { return scale; }
	public int radius() { return radius; }
	public int border() { return border; }
	public int multiple() { return multiple; }
	public int minSize() { return minSize; }
	public boolean isBounded() { return radius != UNBOUNDED; }
	/** True when the model pools over its whole input, so only a one-tile run gives its true result. */
	public boolean seesWholeInput() { return wholeInput; }

	/** Output side length for an input side of {@code n} pixels. */
	public int outputSize(final int n) {
		return (n - 2 * border) * scale;
	}

	private static int require(final String name, final int value, final int min) {
		if (value < min) throw new IllegalArgumentException("Model geometry: " + name + " must be at least " + min + ", got " + value);
		return value;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof ModelGeometry)) return false;
		final ModelGeometry g = (ModelGeometry) o;
		return scale == g.scale && radius == g.radius && border == g.border && multiple == g.multiple && minSize == g.minSize && wholeInput == g.wholeInput;
	}

	@Override
	public int hashCode() {
		return ((((scale * 31 + radius) * 31 + border) * 31 + multiple) * 31 + minSize) * 2 + (wholeInput ? 1 : 0);
	}

	@Override
	public String toString() {
		return "ModelGeometry[scale=" + scale + ", radius=" + (isBounded() ? radius : "unbounded") + ", border=" + border + ", multiple=" + multiple + ", minSize=" + minSize + (wholeInput ? ", pools over the whole input" : "") + "]";
	}
}
