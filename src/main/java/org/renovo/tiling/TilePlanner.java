package org.renovo.tiling;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an image into a {@link TilePlan}: a grid of cores of {@code tileSize} (the last row and column
 * smaller), each grown by half the overlap into its neighbours, then by a halo of {@code radius + border}
 * (capped) for the model to read, clipped to the whole-image reference's input: the image extended by
 * the model's {@link InputPadding} (a fixed pad from its card, or the planned halo). Pure function; see
 * {@code docs/TILING.md} and DESIGN.md for why the result is exact.
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
	 * As {@link #plan(int, int, ModelGeometry, TileOptions)}, with how the image is extended at its edges:
	 * a fixed pad (border included) replaces the planned halo there; between tiles the halo still covers
	 * the receptive field as far as the cap allows.
	 *
	 * @throws IllegalArgumentException also when a fixed pad is smaller than the model's border
	 */
	public static TilePlan plan(final int width, final int height, final ModelGeometry geometry, final InputPadding padding, final TileOptions options) {
		checkImage(width, height, geometry);
		final int m = geometry.multiple();
		final int tile = options.plannedTileSize();
		if (tile % m != 0) throw new IllegalArgumentException("Tile size " + tile + " is not a multiple of " + m + ", which this model needs: use " + roundUp(tile, m) + ".");
		final int band = roundUp((options.overlap() + 1) / 2, m);
		if (2 * band > tile) throw new IllegalArgumentException("Overlap " + options.overlap() + " is too wide for tile size " + tile + " with this model (size multiple " + m + "): use a tile of at least " + 2 * band + ".");
		final int pad = pad(geometry, padding, options);
		final int reach = Math.max(pad, context(geometry, options) + geometry.border());
		final int coreW = Math.min(tile, roundUp(width, m));
		final int coreH = Math.min(tile, roundUp(height, m));
		final List<Tile> tiles = new ArrayList<>();
		for (int y = 0; y < height; y += coreH)
			for (int x = 0; x < width; x += coreW)
				tiles.add(tile(tiles.size(), Box.of(x, y, Math.min(coreW, width - x), Math.min(coreH, height - y)), width, height, band, pad, reach, geometry));
		int srcW = 0, srcH = 0;
		for (final Tile t : tiles) {
			srcW = Math.max(srcW, t.source().width());
			srcH = Math.max(srcH, t.source().height());
		}
		return new TilePlan(width, height, geometry, padding, reach - geometry.border(), band, srcW, srcH, tiles, options);
	}

	/** The plan of one tile covering the whole image: the reference every tiling must reproduce. */
	public static TilePlan whole(final int width, final int height, final ModelGeometry geometry, final TileOptions options) {
		return whole(width, height, geometry, InputPadding.planned(), options);
	}

	public static TilePlan whole(final int width, final int height, final ModelGeometry geometry, final InputPadding padding, final TileOptions options) {
		final int side = roundUp(Math.max(width, height), geometry.multiple());
		return plan(width, height, geometry, padding, options.withTileSize(side).withOverlap(0));
	}

	/**
	 * How far the whole image is extended at its edges, the border included: the card's fixed pad, or the
	 * planned context. This extension defines the whole-image reference.
	 */
	private static int pad(final ModelGeometry g, final InputPadding padding, final TileOptions options) {
		if (!padding.isFixed()) return context(g, options) + g.border();
		if (padding.pad() < g.border()) throw new IllegalArgumentException("Model pad " + padding.pad() + " is smaller than the border of " + g.border() + " px the model loses: the pad must cover the border (fix the model card).");
		return padding.pad();
	}

	/**
	 * Input pixels an output pixel needs around it: a measured radius up to twice the halo cap exactly
	 * (x4fast's 34 px costs 6 % more input than a 32 px halo, and makes its tiling exact); an unbounded or
	 * wider field, the cap.
	 */
	static int context(final ModelGeometry g, final TileOptions options) {
		return g.isBounded() && g.radius() <= 2 * options.haloCap() ? g.radius() : options.haloCap();
	}

	/**
	 * One tile: its extended box read with {@code reach} pixels of context on every side, but never beyond
	 * the whole-image reference's input {@code [-pad, extent + pad)} (rounded up to the size multiple): where
	 * a tile meets that edge it ends exactly where the reference does, so the model's own zero padding falls
	 * in the same place and the tile computes the reference's values there too.
	 */
	private static Tile tile(final int index, final Box core, final int width, final int height, final int band,
		final int pad, final int reach, final ModelGeometry g)
	{
		final int x0 = Math.max(0, core.x() - band), y0 = Math.max(0, core.y() - band);
		final int x1 = Math.min(width, core.maxX() + band), y1 = Math.min(height, core.maxY() + band);
		final Box extended = Box.of(x0, y0, x1 - x0, y1 - y0);
		final int[] sx = span(x0, x1, width, pad, reach, g.multiple()), sy = span(y0, y1, height, pad, reach, g.multiple());
		final Box source = Box.of(sx[0], sy[0], sx[1] - sx[0], sy[1] - sy[0]);
		return new Tile(index, core, extended, source, extended.scaled(g.scale()), (x0 - sx[0] - g.border()) * g.scale(), (y0 - sy[0] - g.border()) * g.scale());
	}

	/**
	 * Source start and end on one axis. NB: starts stay on the reference's size grid ({@code -pad} plus
	 * multiples of {@code m}), because models with strides or pixel-unshuffle are equivariant only in steps
	 * of {@code m}; ends too, so every source is a multiple of {@code m} long.
	 */
	private static int[] span(final int lo, final int hi, final int extent, final int pad, final int reach, final int m) {
		final int refEnd = -pad + roundUp(extent + 2 * pad, m);
		final int start = Math.max(-pad, -pad + Math.floorDiv(lo - reach + pad, m) * m);
		final int end = Math.min(refEnd, start + roundUp(hi + reach - start, m));
		return new int[] { start, end };
	}

	private static void checkImage(final int width, final int height, final ModelGeometry g) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("Image is empty (" + width + "x" + height + ").");
		if (width < g.minSize() || height < g.minSize()) throw new IllegalArgumentException("Image is " + width + "x" + height + " pixels but this model needs at least " + g.minSize() + " on each side: enlarge the image or choose another model.");
	}

	static int roundUp(final int n, final int m) {
		return (n + m - 1) / m * m;
	}
}
