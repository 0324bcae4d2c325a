package org.renovo.pipeline;

import org.renovo.engine.DeviceChoice;
import org.renovo.tiling.TileOptions;

/** Options of one run: tiling and device. Immutable; {@link #defaults()} covers most calls. */
public final class RunOptions {

	private final TileOptions tiles;
	private final DeviceChoice device;

	private RunOptions(final TileOptions tiles, final DeviceChoice device) {
		this.tiles = tiles;
		this.device = device;
	}

	public static RunOptions defaults() {
		return new RunOptions(TileOptions.defaults(), DeviceChoice.AUTO);
	}

	public RunOptions withTiles(final TileOptions t) { return new RunOptions(t, device); }
	public RunOptions withDevice(final DeviceChoice d) { return new RunOptions(tiles, d); }

	public TileOptions tiles() { return tiles; }
	public DeviceChoice device() { return device; }

	@Override
	public String toString() {
		return "RunOptions[" + tiles + ", device=" + device.label() + "]";
	}
}
