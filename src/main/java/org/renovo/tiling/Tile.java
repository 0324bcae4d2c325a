package org.renovo.tiling;

/**
 * One tile of a {@link TilePlan}, in the vocabulary of ImgLib2's {@code BlockProcessor}:
 * <ul>
 * <li>{@code core}: the input pixels this tile is responsible for (the cores partition the image);</li>
 * <li>{@code extended}: the core grown into the overlap band, clipped to the image; its output is blended;</li>
 * <li>{@code source}: the input interval fed to the model, read through the mirror extension of the
 * whole image ({@link MirrorIndex}), so it may reach past the image edge;</li>
 * <li>{@code target}: the output pixels this tile contributes, {@code extended} × scale.</li>
 * </ul>
 * The model's output for {@code source} covers {@code target} from offset {@code (cropX, cropY)}. Immutable.
 */
public final class Tile {

	private final int index;
	private final Box core, extended, source, target;
	private final int cropX, cropY;

	Tile(final int index, final Box core, final Box extended, final Box source, final Box target, final int cropX, final int cropY) {
		this.index = index;
		this.core = core;
		this.extended = extended;
		this.source = source;
		this.target = target;
		this.cropX = cropX;
		this.cropY = cropY;
	}

	public int index() { return index; }
	public Box core() { return core; }
	public Box extended() { return extended; }
	public Box source() { return source; }
	public Box target() { return target; }
	public int cropX() { return cropX; }
	public int cropY() { return cropY; }

	@Override
	public String toString() {
		return "Tile#" + index + "[core=" + core + ", source=" + source + ", target=" + target + "]";
	}
}
