package org.renovo.pipeline;

import java.util.Locale;

import org.renovo.model.onnx.ModelCost;

/**
 * The tile size a run uses when the user leaves it automatic: the fewest tiles whose feature maps fit
 * the memory budget, then the smallest tile that still needs no more of them. Fewer tiles are faster:
 * an edge tile reads a halo only on its inner sides, so every extra tile per row adds two halos of work
 * (measured with {@code bench/run models}: a 512-px image in one tile is 1.16-1.4x as fast as in four);
 * and balanced tiles spare memory without adding tiles. Tiles are at most {@value #MAX} px, so progress
 * and cancelling stay responsive.
 * <p>
 * Working memory is {@link #LIVE_MAPS} times the model's largest feature map ({@link ModelCost}) over the
 * tile's input: measured resident memory of ONNX Runtime's CPU provider was 5.5-6.5 such maps
 * (Real-ESRGAN x4plus at 416 and 532 px: 4.2 and 6.7 GB; x4fast at 532 and 1044 px: 0.5 and 1.9 GB).
 */
public final class TileSizePolicy {

	static final int STEP = 32, MIN = 64, MAX = 1024;
	static final double LIVE_MAPS = 6;

	private final int size;
	private final String reason;

	private TileSizePolicy(final int size, final String reason) {
		this.size = size;
		this.reason = reason;
	}

	/**
	 * @param halo the context a tile reads on each inner side, in input pixels
	 * @param budget the bytes of working memory one tile may take
	 * @param width the image's width, in input pixels
	 * @param height the image's height
	 */
	public static TileSizePolicy choose(final ModelCost cost, final int halo, final long budget, final int width, final int height) {
		return choose(cost, halo, budget, width, height, 0);
	}

	/**
	 * @param heapPerCoreRow bytes of Java heap the blending window takes per input row of tile height (see
	 *        {@link #heapPerCoreRow}, or 0 for none); the window's share of the heap, {@link #heapBudget()},
	 *        also caps the tile
	 */
	public static TileSizePolicy choose(final ModelCost cost, final int halo, final long budget, final int width, final int height, final long heapPerCoreRow) {
		final double perPixel = LIVE_MAPS * Math.max(cost.peakActivationBytesPerInputPixel(), Float.BYTES);
		final int byHeap = heapPerCoreRow <= 0 ? MAX : (int) Math.min(MAX, Math.floor((double) heapBudget() / heapPerCoreRow / STEP) * STEP);
		final int largest = (int) Math.min(byHeap, Math.floor((Math.sqrt(budget / perPixel) - 2.0 * halo) / STEP) * STEP);
		if (largest < MIN) return new TileSizePolicy(MIN, String.format(Locale.ROOT, "tile %d px, the smallest allowed: even it needs about %d MB of feature maps (budget %d MB)"
			+ " or %d MB of blending rows (budget %d MB)", MIN, mb(perPixel * sq(MIN + 2 * halo)), mb(budget), mb((double) heapPerCoreRow * MIN), mb(heapBudget())));
		final int across = ceilDiv(width, largest), down = ceilDiv(height, largest);
		final int size = Math.min(largest, roundUp(Math.max(ceilDiv(width, across), ceilDiv(height, down)), STEP));
		return new TileSizePolicy(size, String.format(Locale.ROOT, "tile %d px: %dx%d tiles, the fewest whose feature maps (about %d MB each) fit the budget of %d MB"
			+ " and whose blending rows fit %d MB of heap", size, across, down, mb(perPixel * sq(size + 2 * halo)), mb(budget), mb(heapBudget())));
	}

	/**
	 * The heap a band blender holds per input row of tile height: the output rows a row of tiles reaches
	 * ({@code scale} per input row), each {@code outputWidth} floats for every channel and the weights.
	 */
	public static long heapPerCoreRow(final int scale, final int width, final int channels) {
		return (long) scale * scale * width * (channels + 1) * Float.BYTES;
	}

	/**
	 * NB: the blending window's share of the heap: 256 MB, or an eighth of a smaller heap, so a result
	 * held in memory peaks at its own size plus well under 512 MB ({@code InMemoryPeakTest}).
	 */
	static long heapBudget() {
		return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
	}

	public int size() { return size; }

	/** Why this size, for the log. */
	public String reason() { return reason; }

	private static int ceilDiv(final int a, final int b) {
		return (a + b - 1) / b;
	}

	private static int roundUp(final int v, final int step) {
		return ceilDiv(v, step) * step;
	}

	private static double sq(final double v) {
		return v * v;
	}

	private static long mb(final double bytes) {
		return Math.round(bytes / (1 << 20));
	}
}
