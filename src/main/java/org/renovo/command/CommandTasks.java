package org.renovo.command;

import org.renovo.engine.DeviceChoice;
import org.renovo.error.InvalidOptionsException;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.ImageTask;
import org.renovo.task.ModelRuntime;
import org.renovo.task.DenoiseTask;
import org.renovo.task.RestoreTask;
import org.renovo.task.UpscaleTask;
import org.renovo.tiling.TileOptions;

/** Builds an {@link ImageTask} from a command's task name and fields, so a batch runs what the single-image commands run. */
final class CommandTasks {

	private CommandTasks() {}

	/** The value of {@code model} or {@code level} that means "this task's own default". */
	static final String DEFAULT = "default";

	/**
	 * The task Batch runs, from its keys; a key the task does not use is ignored (Batch has one key set
	 * for all three tasks).
	 *
	 * @throws InvalidOptionsException for an unknown task or a value the task cannot take
	 */
	static ImageTask create(final String task, final String model, final String level, final double blend, final double scale, final String colour,
		final double colourStrength, final RunOptions options, final ModelRuntime runtime)
	{
		switch (task) {
			case "upscale": return new UpscaleTask(runtime, or(model, "demo-x2"), scale, options);
			case "denoise": return new DenoiseTask(runtime, or(model, DenoiseTask.DEFAULT_MODEL), denoiseLevel(level), blend, options);
			case "restore": return new RestoreTask(runtime, or(level, RestoreTask.DEFAULT_NOISE_LEVEL), or(model, RestoreTask.DEFAULT_UPSCALE_MODEL), scale, colour, colourStrength, options);
			default: throw new InvalidOptionsException("Unknown task=" + task + ": use upscale, denoise or restore");
		}
	}

	private static String or(final String value, final String fallback) {
		return value == null || value.isEmpty() || value.equals(DEFAULT) ? fallback : value;
	}

	private static int denoiseLevel(final String level) {
		final String value = or(level, String.valueOf(DenoiseTask.DEFAULT_LEVEL));
		try {
			return Integer.parseInt(value);
		}
		catch (final NumberFormatException e) {
			throw new InvalidOptionsException("level=" + level + " does not apply to task=denoise: choose 0 to " + DenoiseTask.MAX_LEVEL + " (auto and off are Restore's).", e);
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
