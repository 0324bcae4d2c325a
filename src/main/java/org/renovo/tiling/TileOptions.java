package org.renovo.tiling;

/**
 * How to cut an image: {@code tileSize} is the side of a tile's core in input pixels (the part of the
 * image a tile is responsible for), {@code overlap} the width of the band, in input pixels, over which
 * neighbouring tiles are blended, {@code haloCap} the largest halo a tile reads around its core. Immutable.
 */
public final class TileOptions {

	/** A tile size of 0: chosen per model from its cost and the memory budget ({@code pipeline.TileSizePolicy}). */
	public static final int AUTO = 0;
	public static final int DEFAULT_TILE_SIZE = AUTO;
	/** What the planner, which knows no model's cost, uses for {@link #AUTO}. */
	public static final int FALLBACK_TILE_SIZE = 256;
	public static final int DEFAULT_OVERLAP = 16;
	/**
	 * The halo of a model whose receptive field has no measured bound. NB: wider halos make each tile
	 * mostly halo; such fields are blended instead. A measured radius up to twice this is covered exactly:
	 * its halo costs less than the blending error it removes.
	 */
	public static final int DEFAULT_HALO_CAP = 32;

	private final int tileSize, overlap, haloCap;
	private final BlendWindow window;

	private TileOptions(final int tileSize, final int overlap, final int haloCap, final BlendWindow window) {
		if (tileSize < 0) throw new IllegalArgumentException("tile size must be at least 1 pixel, or 0 for automatic, got " + tileSize);
		if (overlap < 0) throw new IllegalArgumentException("overlap must not be negative, got " + overlap);
		if (haloCap < 0) throw new IllegalArgumentException("halo cap must not be negative, got " + haloCap);
		if (overlap > effective(tileSize) / 2) throw new IllegalArgumentException("overlap (" + overlap + ") must be at most half the tile size (" + tileSize + "): use a larger tile or a smaller overlap");
		this.tileSize = tileSize;
		this.overlap = overlap;
		this.haloCap = haloCap;
		this.window = window;
	}

	public static TileOptions defaults() {
		return new TileOptions(DEFAULT_TILE_SIZE, DEFAULT_OVERLAP, DEFAULT_HALO_CAP, BlendWindow.RAISED_COSINE);
	}

	public static TileOptions of(final int tileSize, final int overlap) {
		return defaults().withTileSize(tileSize).withOverlap(overlap);
	}

	public TileOptions withTileSize(final int size) { return new TileOptions(size, Math.min(overlap, effective(size) / 2), haloCap, window); }
	public TileOptions withOverlap(final int px) { return new TileOptions(tileSize, px, haloCap, window); }
	public TileOptions withHaloCap(final int px) { return new TileOptions(tileSize, overlap, px, window); }
	public TileOptions withWindow(final BlendWindow w) { return new TileOptions(tileSize, overlap, haloCap, w); }

	/** The tile size asked for: {@link #AUTO} or a size in input pixels. */
	public int tileSize() { return tileSize; }
	public boolean isAuto() { return tileSize == AUTO; }
	/** The tile size planned with: the one asked for, or {@link #FALLBACK_TILE_SIZE} for {@link #AUTO}. */
	public int plannedTileSize() { return effective(tileSize); }
	public int overlap() { return overlap; }
	public int haloCap() { return haloCap; }
	public BlendWindow window() { return window; }

	private static int effective(final int size) {
		return size == AUTO ? FALLBACK_TILE_SIZE : size;
	}

	@Override
	public String toString() {
		return "TileOptions[tile=" + (tileSize == AUTO ? "auto" : String.valueOf(tileSize)) + ", overlap=" + overlap + ", haloCap=" + haloCap + ", window=" + window + "]";
	}
}
