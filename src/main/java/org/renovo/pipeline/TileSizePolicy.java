package org.renovo.pipeline;

import java.util.Locale;

import org.renovo.model.onnx.ModelCost;

/**
 * The tile size a run uses when the user leaves it automatic, from the model's cost: the smallest core
 * (a multiple of {@value #STEP} px) whose share of the tile's input reaches {@link #TARGET_CORE_SHARE},
 * since the halo around it is work thrown away; but never a tile whose feature maps would exceed the
 * memory budget, and never beyond {@value #MAX} px (larger tiles gain nothing in throughput and make
 * progress and cancelling coarse). Measured against a sweep in {@code bench/run models}.
 */
public final class TileSizePolicy {

	static final int STEP = 32, MIN = 64, MAX = 1024;
	/** NB: a core of 75 % of the input wastes a quarter of the work on the halo; above it, larger tiles gain little. */
	static final double TARGET_CORE_SHARE = 0.75;
	/** NB: feature maps alive at once in ONNX Runtime's arena (a layer's input, output and a skip). */
	static final double LIVE_MAPS = 3;

	private final int size;
	private final String reason;

	private TileSizePolicy(final int size, final String reason) {
		this.size = size;
		this.reason = reason;
	}

	/**
	 * @param halo the context a tile reads on each side, in input pixels
	 * @param budget the bytes of working memory one tile may take
	 */
	public static TileSizePolicy choose(final ModelCost cost, final int halo, final long budget) {
		final double perPixel = LIVE_MAPS * Math.max(cost.peakActivationBytesPerInputPixel(), Float.BYTES);
		final int byMemory = (int) Math.min(MAX, Math.floor((Math.sqrt(budget / perPixel) - 2.0 * halo) / STEP) * STEP);
		final int byShare = Math.max(MIN, (int) Math.ceil(2 * halo * Math.sqrt(TARGET_CORE_SHARE) / (1 - Math.sqrt(TARGET_CORE_SHARE)) / STEP) * STEP);
		if (byMemory < MIN) return new TileSizePolicy(MIN, String.format(Locale.ROOT, "tile %d px, the smallest allowed: even it needs about %d MB of feature maps, above the budget of %d MB",
			MIN, mb(perPixel * sq(MIN + 2 * halo)), mb(budget)));
		if (byShare > byMemory) return new TileSizePolicy(byMemory, String.format(Locale.ROOT, "tile %d px, the largest whose feature maps (about %d MB) fit the budget of %d MB (halo %d px)",
			byMemory, mb(perPixel * sq(byMemory + 2 * halo)), mb(budget), halo));
		final int size = Math.min(byShare, MAX);
		return new TileSizePolicy(size, String.format(Locale.ROOT, "tile %d px, the smallest whose core is %.0f %% of its input (halo %d px; about %d MB of feature maps)",
			size, 100 * share(size, halo), halo, mb(perPixel * sq(size + 2 * halo))));
	}

	public int size() { return size; }

	/** Why this size, for the log. */
	public String reason() { return reason; }

	static double share(final int core, final int halo) {
		return sq(core) / sq(core + 2 * halo);
	}

	private static double sq(final double v) {
		return v * v;
	}

	private static long mb(final double bytes) {
		return Math.round(bytes / (1 << 20));
	}
}
