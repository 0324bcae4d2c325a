package org.renovo.pipeline;

import org.renovo.tiling.InputPadding;
import org.renovo.tiling.ModelGeometry;
import org.renovo.tiling.TileOptions;

/**
 * Models that pool over their whole input (Real-CUGAN, waifu2x cunet) give a result that depends on the
 * tiling, in every tool; their true result is a one-tile run. This policy runs them as one tile when
 * the estimated working memory fits the run's budget, and otherwise keeps the user's tiling and asks
 * for the seam to be measured ({@link SeamMeter}).
 */
final class WholeInputPolicy {

	/**
	 * NB: ONNX Runtime's working memory per input pixel of the squeeze-and-excitation U-Nets (up to 128
	 * float channels at several scales, about ten maps alive at once, plus the upscaled output),
	 * rounded up; an estimate, so it errs on the side of tiling.
	 */
	static final long BYTES_PER_PIXEL = 4096;

	private final TileOptions tiles;
	private final boolean oneTile, needsSeamReport;
	private final long bytes;

	private WholeInputPolicy(final TileOptions tiles, final boolean oneTile, final boolean needsSeamReport, final long bytes) {
		this.tiles = tiles;
		this.oneTile = oneTile;
		this.needsSeamReport = needsSeamReport;
		this.bytes = bytes;
	}

	static WholeInputPolicy decide(final int width, final int height, final ModelGeometry g, final InputPadding padding, final RunOptions options) {
		final TileOptions asked = options.tiles();
		final int pad = padding.isFixed() ? padding.pad() : asked.haloCap() + g.border();
		final long bytes = estimate(width + 2L * pad, height + 2L * pad);
		if (!g.seesWholeInput()) return new WholeInputPolicy(asked, false, false, bytes);
		if (bytes <= options.memoryBudget()) {
			final int side = (Math.max(width, height) + g.multiple() - 1) / g.multiple() * g.multiple();
			return new WholeInputPolicy(asked.withTileSize(side).withOverlap(0), true, false, bytes);
		}
		return new WholeInputPolicy(asked, false, true, bytes);
	}

	/** The largest square side whose one-tile run fits {@code budget}, for measuring the seam. */
	static int affordableSide(final long budget) {
		return (int) Math.min(Integer.MAX_VALUE, (long) Math.sqrt((double) budget / BYTES_PER_PIXEL));
	}

	static long estimate(final long width, final long height) {
		return width * height * BYTES_PER_PIXEL;
	}

	TileOptions tiles() { return tiles; }
	boolean oneTile() { return oneTile; }
	boolean needsSeamReport() { return needsSeamReport; }
	long estimatedBytes() { return bytes; }
}
