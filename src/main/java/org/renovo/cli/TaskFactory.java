package org.renovo.cli;

import java.util.Arrays;
import java.util.List;

import org.renovo.engine.DeviceChoice;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.ImageTask;
import org.renovo.task.ModelRuntime;
import org.renovo.task.UpscaleTask;
import org.renovo.tiling.TileOptions;

/** Builds an {@link ImageTask} from a task name and the command line, so a batch runs what the single-image commands run. */
final class TaskFactory {

	/** The options the tasks read; {@code renovo batch} accepts these beside its own. */
	static final List<String> OPTIONS = Arrays.asList("--model", "--tile", "--overlap", "--device");

	/** Help lines for {@link #OPTIONS}. */
	static final String OPTIONS_HELP = String.join("\n",
		"  --model <id|path>     a model id from the models folder (renovo models list), demo-x2, or a path to",
		"                        an .onnx file or to an ncnn .param file with its .bin beside it",
		"  --tile <N>            tile core size in input pixels (default " + TileOptions.DEFAULT_TILE_SIZE + ")",
		"  --overlap <N>         blend band between tiles in input pixels (default " + TileOptions.DEFAULT_OVERLAP + ", at most tile/2)",
		"  --device <d>          auto, cpu, cuda or coreml (default auto; falls back to cpu)");

	private TaskFactory() {}

	/**
	 * @throws UsageException for an unknown task, one not available yet, or a malformed option
	 * @throws org.renovo.error.ModelFormatException when there is no such model
	 */
	static ImageTask create(final String task, final Arguments a, final ModelRuntime runtime) {
		switch (task) {
			case "upscale": return new UpscaleTask(runtime, a.required("--model"), runOptions(a));
			case "denoise": case "restore": throw new UsageException("The task " + task + " is not yet available; use --task upscale");
			default: throw new UsageException("Unknown task '" + task + "': use upscale, denoise or restore (see: renovo batch --help)");
		}
	}

	/** Tiling and device from {@code --tile}, {@code --overlap} and {@code --device}. */
	static RunOptions runOptions(final Arguments a) {
		return RunOptions.defaults().withTiles(tiles(a)).withDevice(DeviceChoice.parse(a.value("--device").orElse("auto")));
	}

	private static TileOptions tiles(final Arguments a) {
		try {
			final TileOptions sized = TileOptions.defaults().withTileSize(a.integer("--tile", TileOptions.DEFAULT_TILE_SIZE));
			// NB: without --overlap, keep the default that withTileSize shrank to fit a small tile.
			return a.value("--overlap").isPresent() ? sized.withOverlap(a.integer("--overlap", 0)) : sized;
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException("Invalid tiling: " + e.getMessage(), e);
		}
	}
}
