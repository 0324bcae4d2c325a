package org.renovo.tiling;

import java.util.Arrays;
import java.util.List;

/**
 * Assembles one output plane from tiles as {@link OverlapBlender} does (same weights, same order of
 * additions, so the values are identical to the last bit), but holds only a window of output rows: the
 * rows the current row of tiles still contributes to, plus the unfinished rest of a band. When the last
 * tile of a row of tiles has been added, every output row above the next row's target is final; those
 * rows leave as bands whose height is a multiple of {@code rowMultiple} (a TIFF tile's height), except
 * the last band of the plane. So memory is about {@code (tile target height + rowMultiple) × output
 * width × (channels + 1)} floats, whatever the plane's height.
 * <p>
 * Tiles must arrive in plan order, which is row by row ({@link TilePlanner} makes them so). A tile's
 * channels may arrive in several parts ({@code firstChannel}), e.g. one model run per colour component;
 * the tile counts as added when all its channels have. Not thread-safe; one instance per output plane.
 * <pre>{@code
 * BandBlender blender = new BandBlender(plan, 3, 256, (y, band) -> writer.write(y, band));
 * for (Tile t : plan.tiles()) blender.add(t, modelOutput(t), 0);
 * }</pre>
 */
public final class BandBlender {

	/** Receives finished output rows. */
	@FunctionalInterface
	public interface Output {

		/**
		 * @param y the first output row of the band
		 * @param band one row-major array of {@code rows × outputWidth} normalised values per channel; new
		 *        arrays per band, which the receiver may keep or change
		 */
		void accept(int y, float[][] band);
	}

	private final TilePlan plan;
	private final int channels, rowMultiple, outW;
	private final Output output;
	private final float[][] sums;
	private final float[] weights;
	/** Output row of the window's first row; rows above it have left. */
	private int top;
	/** Window rows that have received contributions. */
	private int filled;
	private int next, received;

	/** @throws IllegalArgumentException when {@code rowMultiple} or {@code channels} is not positive */
	public BandBlender(final TilePlan plan, final int channels, final int rowMultiple, final Output output) {
		if (channels < 1 || rowMultiple < 1) throw new IllegalArgumentException("Channels and row multiple must be positive, got " + channels + " and " + rowMultiple);
		this.plan = plan;
		this.channels = channels;
		this.rowMultiple = rowMultiple;
		this.output = output;
		this.outW = plan.outputWidth();
		final int capacity = Math.multiplyExact(windowRows(plan, rowMultiple), outW);
		this.sums = new float[channels][capacity];
		this.weights = new float[capacity];
	}

	/** Output rows the window holds: the tallest tile target plus a partial band. */
	public static int windowRows(final TilePlan plan, final int rowMultiple) {
		int tallest = 0;
		for (final Tile t : plan.tiles())
			tallest = Math.max(tallest, t.target().height());
		return Math.min(plan.outputHeight(), tallest + rowMultiple);
	}

	/**
	 * Adds channels {@code firstChannel ..} of the model's output for {@code tile} (the whole model output
	 * for its source); hands on the rows this finishes.
	 *
	 * @throws IllegalArgumentException when tiles or channel parts come out of order
	 */
	public void add(final Tile tile, final PlanarTile part, final int firstChannel) {
		if (tile.index() != next || firstChannel != received || firstChannel + part.channels() > channels)
			throw new IllegalArgumentException("Expected tile " + next + " from channel " + received + " of " + channels + ", got tile " + tile.index() + " channels "
				+ firstChannel + ".." + (firstChannel + part.channels() - 1) + ": add tiles in plan order, each tile's channels in order.");
		accumulate(tile, part, firstChannel);
		received += part.channels();
		if (received < channels) return;
		received = 0;
		next++;
		final List<Tile> tiles = plan.tiles();
		if (next == tiles.size()) release(plan.outputHeight(), true);
		else if (tiles.get(next).core().y() != tile.core().y()) release(tiles.get(next).target().y(), false);
	}

	/** True when every tile was added and every row handed on. */
	public boolean isFinished() {
		return next == plan.tiles().size() && top == plan.outputHeight();
	}

	private void accumulate(final Tile tile, final PlanarTile part, final int firstChannel) {
		final Box t = tile.target();
		if (t.y() < top || (t.maxY() - top) * outW > weights.length)
			throw new IllegalStateException("Tile " + tile.index() + " covers output rows " + t.y() + ".." + (t.maxY() - 1) + ", outside the window from row " + top + ": the plan's tiles are not row by row.");
		final float[] wx = OverlapBlender.profile(plan, t.x(), t.width(), tile.core().x(), tile.core().maxX(), plan.width());
		final float[] wy = OverlapBlender.profile(plan, t.y(), t.height(), tile.core().y(), tile.core().maxY(), plan.height());
		final float[] w = new float[t.width()], values = new float[t.width()];
		for (int y = 0; y < t.height(); y++) {
			final int row = (t.y() - top + y) * outW + t.x();
			OverlapBlender.times(wx, wy[y], w);
			if (firstChannel == 0) OverlapBlender.addTo(weights, row, w);
			for (int c = 0; c < part.channels(); c++) {
				part.row(c, tile.cropX(), tile.cropY() + y, values);
				OverlapBlender.addProductTo(sums[firstChannel + c], row, w, values);
			}
		}
		filled = Math.max(filled, t.maxY() - top);
	}

	/** Hands on the rows above {@code end} in whole multiples of the row multiple, or all of them when {@code last}. */
	private void release(final int end, final boolean last) {
		final int rows = last ? end - top : (end - top) / rowMultiple * rowMultiple;
		if (rows <= 0) return;
		final int n = rows * outW;
		final float[][] band = new float[channels][n];
		for (int i = 0; i < n; i++) {
			if (weights[i] == 0) throw new IllegalStateException("Output pixel " + (i % outW) + "," + (top + i / outW) + " was covered by no tile: were all " + plan.tiles().size() + " tiles added?");
			// NB: the same reciprocal-then-multiply as OverlapBlender.finish, so the values are bit-identical.
			final float inverse = 1f / weights[i];
			for (int c = 0; c < channels; c++)
				band[c][i] = sums[c][i] * inverse;
		}
		final int y = top;
		shift(rows);
		output.accept(y, band);
	}

	/** Moves the window down by {@code rows}: the rows still open go to its front, the freed rows are cleared. */
	private void shift(final int rows) {
		final int keep = Math.max(0, filled - rows) * outW, used = filled * outW;
		for (final float[] s : sums) {
			System.arraycopy(s, rows * outW, s, 0, keep);
			Arrays.fill(s, keep, used, 0f);
		}
		System.arraycopy(weights, rows * outW, weights, 0, keep);
		Arrays.fill(weights, keep, used, 0f);
		filled = Math.max(0, filled - rows);
		top += rows;
	}
}
