package org.renovo.tiling;

import java.util.Collections;
import java.util.List;

/**
 * The tiles that cover one image plane. Interior tiles share one source size; tiles that meet the image
 * edge end where the whole-image reference's input ends, so theirs may be smaller. Made by
 * {@link TilePlanner}; immutable.
 */
public final class TilePlan {

	private final int width, height;
	private final ModelGeometry geometry;
	private final InputPadding padding;
	private final int halo, band;
	private final int sourceWidth, sourceHeight;
	private final List<Tile> tiles;
	private final BlendWindow window;
	private final TileOptions options;

	TilePlan(final int width, final int height, final ModelGeometry geometry, final InputPadding padding, final int halo, final int band,
		final int sourceWidth, final int sourceHeight, final List<Tile> tiles, final TileOptions options)
	{
		this.width = width;
		this.height = height;
		this.geometry = geometry;
		this.padding = padding;
		this.halo = halo;
		this.band = band;
		this.sourceWidth = sourceWidth;
		this.sourceHeight = sourceHeight;
		this.tiles = Collections.unmodifiableList(tiles);
		this.window = options.window();
		this.options = options;
	}

	/** Image width in input pixels. */
	public int width() { return width; }
	public int height() { return height; }
	public int outputWidth() { return width * geometry.scale(); }
	public int outputHeight() { return height * geometry.scale(); }
	public ModelGeometry geometry() { return geometry; }
	/** How sources reach past the image: planned or fixed, and the edge mode to read them with. */
	public InputPadding padding() { return padding; }
	/** Input pixels read around each extended core between tiles, beyond the model's border loss. */
	public int halo() { return halo; }
	/** Half-width of the blending band in input pixels (0: tiles abut, no blending). */
	public int band() { return band; }
	/** Width of the widest tile's model input (buffers of this size fit every tile). */
	public int sourceWidth() { return sourceWidth; }
	public int sourceHeight() { return sourceHeight; }
	/** Width of the widest tile's model output. */
	public int modelOutputWidth() { return geometry.outputSize(sourceWidth); }
	public int modelOutputHeight() { return geometry.outputSize(sourceHeight); }
	public List<Tile> tiles() { return tiles; }
	/** Width of {@code tile}'s model output. */
	public int modelOutputWidth(final Tile tile) { return geometry.outputSize(tile.source().width()); }
	public int modelOutputHeight(final Tile tile) { return geometry.outputSize(tile.source().height()); }
	public BlendWindow window() { return window; }
	/** The options this plan was made with. */
	public TileOptions tileOptions() { return options; }
	/** True when a finite halo covers the model's receptive field, so the tiles reproduce the whole-image result. */
	public boolean isExact() { return geometry.isBounded() && halo >= geometry.radius(); }

	@Override
	public String toString() {
		return "TilePlan[" + width + "x" + height + ", " + tiles.size() + " tiles, source " + sourceWidth + "x" + sourceHeight + ", halo " + halo + ", band " + band + ", " + geometry + ", " + padding + "]";
	}
}
