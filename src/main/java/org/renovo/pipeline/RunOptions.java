package org.renovo.pipeline;

import org.renovo.engine.DeviceChoice;
import org.renovo.tiling.TileOptions;

/**
 * Options of one run: tiling, device, and the memory a single tile may take (which decides whether a
 * model that pools over its whole input can run as one tile). Immutable; {@link #defaults()} covers
 * most calls.
 */
public final class RunOptions {

	/** NB: 2 GiB of ONNX Runtime working memory fits the machines Fiji runs on, a 2-core laptop included. */
	public static final long DEFAULT_MEMORY_BUDGET = 2L << 30;

	/**
	 * The budget when none is given: 2 GiB, or half the heap when Fiji was given less than 4 GiB (the
	 * heap stands for what the user allotted; ONNX Runtime's CPU arena lives beside it). NB: ONNX Runtime's
	 * Java API reports no device memory, so a GPU run uses the same figure.
	 */
	static long defaultBudget() {
		return Math.min(DEFAULT_MEMORY_BUDGET, Math.max(256L << 20, Runtime.getRuntime().maxMemory() / 2));
	}

	private final TileOptions tiles;
	private final DeviceChoice device;
	private final long memoryBudget;

	private RunOptions(final TileOptions tiles, final DeviceChoice device, final long memoryBudget) {
		if (memoryBudget <= 0) throw new IllegalArgumentException("memory budget must be positive, got " + memoryBudget);
		this.tiles = tiles;
		this.device = device;
		this.memoryBudget = memoryBudget;
	}

	public static RunOptions defaults() {
		return new RunOptions(TileOptions.defaults(), DeviceChoice.AUTO, defaultBudget());
	}

	public RunOptions withTiles(final TileOptions t) { return new RunOptions(t, device, memoryBudget); }
	public RunOptions withDevice(final DeviceChoice d) { return new RunOptions(tiles, d, memoryBudget); }
	public RunOptions withMemoryBudget(final long bytes) { return new RunOptions(tiles, device, bytes); }

	public TileOptions tiles() { return tiles; }
	public DeviceChoice device() { return device; }
	/** Bytes of working memory one tile may take. */
	public long memoryBudget() { return memoryBudget; }

	@Override
	public String toString() {
		return "RunOptions[" + tiles + ", device=" + device.label() + ", memory budget=" + (memoryBudget >> 20) + " MB]";
	}
}
