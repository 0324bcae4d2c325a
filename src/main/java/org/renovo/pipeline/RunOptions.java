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
	 * The budget when none is given: half the physical memory the Java heap leaves (ONNX Runtime's CPU
	 * arena lives outside the heap, beside it), at least 512 MB; {@link #DEFAULT_MEMORY_BUDGET} when the
	 * machine's memory cannot be read. NB: ONNX Runtime's Java API reports no GPU memory, so a GPU run
	 * uses the same figure, and an allocation failure there shrinks the tiles.
	 */
	static long defaultBudget() {
		final java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		if (!(os instanceof com.sun.management.OperatingSystemMXBean)) return DEFAULT_MEMORY_BUDGET;
		@SuppressWarnings("deprecation") // NB: getTotalMemorySize is Java 14+; Renovo compiles for 11
		final long physical = ((com.sun.management.OperatingSystemMXBean) os).getTotalPhysicalMemorySize();
		return Math.max(512L << 20, (physical - Runtime.getRuntime().maxMemory()) / 2);
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
