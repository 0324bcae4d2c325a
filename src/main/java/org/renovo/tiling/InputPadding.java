package org.renovo.tiling;

/**
 * What a model reads around each tile, and how the image is extended to give it:
 * <ul>
 * <li>{@link #planned()}: a halo the planner derives from the receptive field ({@code radius + border},
 * capped), mirrored; Renovo's default, which makes tiling exact wherever the cap allows;</li>
 * <li>{@link #fixed(int, EdgeMode)}: exactly {@code pad} input pixels on every side, the border included,
 * extended by {@code edge}, because that is what the model's original program does (Real-ESRGAN: 10 px
 * reflected; waifu2x cunet: 28 px replicated at scale 1). A one-tile run then reproduces the original.</li>
 * </ul>
 * Immutable.
 */
public final class InputPadding {

	private static final int PLANNED = -1;
	private static final InputPadding DEFAULT = new InputPadding(PLANNED, EdgeMode.REFLECT);

	private final int pad;
	private final EdgeMode edge;

	private InputPadding(final int pad, final EdgeMode edge) {
		if (edge == null) throw new IllegalArgumentException("edge mode == null");
		this.pad = pad;
		this.edge = edge;
	}

	public static InputPadding planned() {
		return DEFAULT;
	}

	/** A halo planned from the receptive field, read through {@code edge}. */
	public static InputPadding planned(final EdgeMode edge) {
		return new InputPadding(PLANNED, edge);
	}

	/** Exactly {@code pad >= 0} input pixels on every side (border included), read through {@code edge}. */
	public static InputPadding fixed(final int pad, final EdgeMode edge) {
		if (pad < 0) throw new IllegalArgumentException("Fixed input pad must not be negative, got " + pad);
		return new InputPadding(pad, edge);
	}

	public boolean isFixed() { return pad != PLANNED; }

	/** The fixed pad; only meaningful when {@link #isFixed()}. */
	public int pad() { return pad; }

	public EdgeMode edge() { return edge; }

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof InputPadding)) return false;
		final InputPadding p = (InputPadding) o;
		return pad == p.pad && edge == p.edge;
	}

	@Override
	public int hashCode() {
		return pad * 31 + edge.hashCode();
	}

	@Override
	public String toString() {
		return "InputPadding[" + (isFixed() ? pad + " px" : "planned") + ", " + edge.name().toLowerCase() + "]";
	}
}
