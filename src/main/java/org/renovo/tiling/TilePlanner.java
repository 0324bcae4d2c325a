package org.renovo.tiling;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an image into a {@link TilePlan}: a grid of cores of {@code tileSize} (the last row and column
 * smaller), each grown by half the overlap into its neighbours and by a halo of {@code radius + border}
 * for the model to read, or by the model's fixed {@link InputPadding}. Pure function; see
 * {@code docs/TILING.md} for why the result is exact.
 */
public final class TilePlanner {

	private TilePlanner() {}

	/**
	 * @throws IllegalArgumentException naming the bad value and the fix, when the image is smaller than
	 *         the model accepts or the tile size does not fit the model's size multiple
	 */
	public static TilePlan plan(final int width, final int height, final ModelGeometry geometry, final TileOptions options) {
		return plan(width, height, geometry, InputPadding.planned(), options);
	}

	/**
	 * As {@link #plan(int, int, ModelGeometry, TileOptions)}, with what the model reads around each core:
	 * a fixed pad replaces the planned halo ({@code halo = pad - border}, not capped).
	 *
	 * @throws IllegalArgumentException also when a fixed pad is smaller than the model's border
	 */
	public static TilePlan plan(final int width, final int height, final ModelGeometry geometry, final InputPadding padding, final TileOptions options) {
		checkImage(width, height, geometry);
		final int m = geometry.multiple();
		final int tile = options.tileSize();
		if (tile % m != 0) throw new IllegalArgumentException("Tile size " + tile + " is not a multiple of " + m + ", which this model needs: use " + roundUp(tile, m) + ".");
		final int band = roundUp((options.overlap() + 1) / 2, m);
		if (2 * band > tile) throw new IllegalArgumentException("Overlap " + options.overlap() + " is too wide for tile size " + tile + " with this model (size multiple " + m + "): use a tile of at least " + 2 * band + ".");
		final int halo = halo(geometry, padding, options);
		final int pad = halo + geometry.border();
		final int coreW = Math.min(tile, roundUp(width, m));
		final int coreH = Math.min(tile, roundUp(height, m));
		final int srcW = roundUp(Math.min(coreW + 2 * band, roundUp(width, m)) + 2 * pad, m);
		final int srcH = roundUp(Math.min(coreH + 2 * band, roundUp(height, m)) + 2 * pad, m);
		final List<Tile> tiles = new ArrayList<>();
		for (int y = 0; y < height; y += coreH)
			for (int x = 0; x < width; x += coreW)
				tiles.add(tile(tiles.size(), Box.of(x, y, Math.min(coreW, width - x), Math.min(coreH, height - y)), width, height, band, pad, srcW, srcH, geometry));
		return new TilePlan(width, height, geometry, padding, halo, band, srcW, srcH, tiles, options.window());
	}

	/** The plan of one tile covering the whole image: the reference every tiling must reproduce. */
	public static TilePlan whole(final int width, final int height, final ModelGeometry geometry, final TileOptions options) {
		return whole(width, height, geometry, InputPadding.planned(), options);
	}

	public static TilePlan whole(final int width, final int height, final ModelGeometry geometry, final InputPadding padding, final TileOptions options) {
		final int side = roundUp(Math.max(width, height), geometry.multiple());
		return plan(width, height, geometry, padding, options.withTileSize(side).withOverlap(0));
	}

	private static int halo(final ModelGeometry g, final InputPadding padding, final TileOptions options) {
		if (!padding.isFixed()) return g.isBounded() ? Math.min(g.radius(), options.haloCap()) : options.haloCap();
		if (padding.pad() < g.border()) throw new IllegalArgumentException("Model pad " + padding.pad() + " is smaller than the border of " + g.border() + " px the model loses: the pad must cover the border (fix the model card).");
		return padding.pad() - g.border();
	}

	private static Tile tile(final int index, final Box core, final int width, final int height, final int band,
		final int pad, final int srcW, final int srcH, final ModelGeometry g)
	{
		final int x0 = Math.max(0, core.x() - band), y0 = Math.max(0, core.y() - band);
		final int x1 = Math.min(width, core.maxX() + band), y1 = Math.min(height, core.maxY() + band);
		final Box extended = Box.of(x0, y0, x1 - x0, y1 - y0);
		// NB: when the extended box reaches the image edge, it starts at 0 and on the model's size grid;
		// interior boxes start at core - band, both multiples of the size multiple.
		final Box source = Box.of(x0 - pad, y0 - pad, srcW, srcH);
		final int crop = (pad - g.border()) * g.scale();
		return new Tile(index, core, extended, source, extended.scaled(g.scale()), crop, crop);
	}

	private static void checkImage(final int width, final int height, final ModelGeometry g) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("Image is empty (" + width + "x" + height + ").");
		if (width < g.minSize() || height < g.minSize()) throw new IllegalArgumentException("Image is " + width + "x" + height + " pixels but this model needs at least " + g.minSize() + " on each side: enlarge the image or choose another model.");
	}

	static int roundUp(final int n, final int m) {
		return (n + m - 1) / m * m;
	}
}
