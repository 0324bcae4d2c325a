package org.renovo.command;

import org.renovo.engine.DeviceChoice;
import org.renovo.error.InvalidOptionsException;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.ImageTask;
import org.renovo.task.ModelRuntime;
import org.renovo.task.UpscaleTask;
import org.renovo.tiling.TileOptions;

/** Builds an {@link ImageTask} from a command's task name and fields, so a batch runs what the single-image commands run. */
final class CommandTasks {

	private CommandTasks() {}

	/** @throws InvalidOptionsException for an unknown task or one not available yet */
	static ImageTask create(final String task, final String model, final RunOptions options, final ModelRuntime runtime) {
		switch (task) {
			case "upscale": return new UpscaleTask(runtime, model, options);
			case "denoise": case "restore": throw new InvalidOptionsException("task=" + task + " is not yet available; use task=upscale");
			default: throw new InvalidOptionsException("Unknown task=" + task + ": use upscale, denoise or restore");
		}
	}

	/** @throws InvalidOptionsException naming the macro keys when the tiling does not fit */
	static RunOptions options(final int tileSize, final int tileOverlap, final String device) {
		try {
			return RunOptions.defaults().withTiles(TileOptions.defaults().withTileSize(tileSize).withOverlap(tileOverlap)).withDevice(DeviceChoice.parse(device));
		}
		catch (final IllegalArgumentException e) {
			throw new InvalidOptionsException("tile_size=" + tileSize + ", tile_overlap=" + tileOverlap + ": " + e.getMessage(), e);
		}
	}
}
