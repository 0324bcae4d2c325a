package org.renovo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.renovo.engine.DeviceChoice;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.DenoiseTask;
import org.renovo.task.ImageTask;
import org.renovo.task.ModelRuntime;
import org.renovo.task.RestoreTask;
import org.renovo.task.UpscaleTask;
import org.renovo.tiling.TileOptions;

/**
 * The options of {@code upscale}, {@code denoise} and {@code restore} and the task they configure, in one
 * place for the single-file commands and {@code batch}. Each option is its Fiji command's macro key with
 * dashes ({@code tile_size} is {@code --tile}, kept from the first release), with the same default.
 * The tasks share keys where they mean the same ({@code model}, {@code level}, {@code scale}), so batch takes one set.
 */
final class TaskFactory {

	static final List<String> TASKS = List.of("upscale", "denoise", "restore");
	static final List<String> COMMON = List.of("--tile", "--overlap", "--device");
	private static final Map<String, List<String>> OPTIONS = Map.of(
		"upscale", List.of("--model", "--scale"),
		"denoise", List.of("--model", "--level", "--blend"),
		"restore", List.of("--level", "--model", "--scale", "--colour", "--colour-strength"));

	/** Defaults of the options that have one: the Fiji commands' field defaults, from the same constants. */
	static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
		"upscale", Map.of("--scale", UpscaleTask.NATIVE_SCALE),
		"denoise", Map.of("--model", DenoiseTask.DEFAULT_MODEL, "--level", DenoiseTask.DEFAULT_LEVEL, "--blend", DenoiseTask.DEFAULT_BLEND),
		"restore", Map.of("--level", RestoreTask.DEFAULT_NOISE_LEVEL, "--model", RestoreTask.DEFAULT_UPSCALE_MODEL, "--scale", RestoreTask.DEFAULT_SCALE,
			"--colour", RestoreTask.DEFAULT_COLOUR, "--colour-strength", RestoreTask.DEFAULT_COLOUR_STRENGTH));

	static final Map<String, Object> COMMON_DEFAULTS = Map.of("--tile", TileOptions.DEFAULT_TILE_SIZE, "--overlap", TileOptions.DEFAULT_OVERLAP, "--device", "auto");

	static final String COMMON_USAGE = String.join("\n",
		"  --tile <N>          tile core size in input pixels; 0 (default) chooses it from the model's cost and memory",
		"  --overlap <N>       blend band between tiles in input pixels (default " + TileOptions.DEFAULT_OVERLAP + ", at most tile/2)",
		"  --device <d>        auto, cpu, cuda or coreml (default auto; falls back to cpu)");

	static final Map<String, String> USAGE = Map.of(
		"upscale", String.join("\n",
			"  --model <id|path>   a model id from the models folder (renovo models list), demo-x2, or a path to",
			"                      an .onnx file or to an ncnn .param file with its .bin beside it",
			"  --scale <s>         output scale; 0 (default) is the model's own factor; others chain the model's",
			"                      siblings (6 = x2 then x3) and resample with Lanczos-3"),
		"denoise", String.join("\n",
			"  --model <id|path>   " + DenoiseTask.DEFAULT_MODEL + " (default; --level picks noise0..3) or another 1x model",
			"  --level <0-3>       noise level of " + DenoiseTask.DEFAULT_MODEL + " (default " + DenoiseTask.DEFAULT_LEVEL + ")",
			"  --blend <0-1>       mix with the original: 0 original, 1 fully denoised (default " + DenoiseTask.DEFAULT_BLEND + ")"),
		"restore", String.join("\n",
			"  --level <l>         artefact removal: " + String.join(", ", RestoreTask.NOISE_LEVELS) + " (default " + RestoreTask.DEFAULT_NOISE_LEVEL + ": estimated)",
			"  --model <m>         a model id to upscale with after artefact removal, or none (default " + RestoreTask.DEFAULT_UPSCALE_MODEL + ")",
			"  --scale <s>         scale of that upscale; 0 (default) is the model's own factor",
			"  --colour <c>        " + String.join(", ", RestoreTask.COLOURS) + " (default " + RestoreTask.DEFAULT_COLOUR + ")",
			"  --colour-strength <s> 0 unchanged .. 1 full correction (default " + RestoreTask.DEFAULT_COLOUR_STRENGTH + ")"));

	private TaskFactory() {}

	/** The options {@code task} takes, its own then the common ones. */
	static List<String> options(final String task) {
		final List<String> all = new ArrayList<>(OPTIONS.get(checked(task)));
		all.addAll(COMMON);
		return all;
	}

	static String checked(final String task) {
		if (!TASKS.contains(task)) throw new UsageException("Unknown task '" + task + "': choose one of " + TASKS);
		return task;
	}

	/** @throws UsageException or a RenovoException naming a bad option; builds nothing on failure */
	static ImageTask create(final String task, final Arguments a, final ModelRuntime runtime) {
		final RunOptions options = runOptions(a);
		switch (checked(task)) {
			case "upscale":
				return new UpscaleTask(runtime, a.required("--model"), decimal(task, a, "--scale"), options);
			case "denoise":
				return new DenoiseTask(runtime, text(task, a, "--model"), a.integer("--level", DenoiseTask.DEFAULT_LEVEL), decimal(task, a, "--blend"), options);
			default:
				return new RestoreTask(runtime, text(task, a, "--level"), text(task, a, "--model"), decimal(task, a, "--scale"), text(task, a, "--colour"),
					decimal(task, a, "--colour-strength"), options);
		}
	}

	private static String text(final String task, final Arguments a, final String option) {
		return a.value(option).orElse(String.valueOf(DEFAULTS.get(task).get(option)));
	}

	private static double decimal(final String task, final Arguments a, final String option) {
		return a.decimal(option, ((Number) DEFAULTS.get(task).get(option)).doubleValue());
	}

	static RunOptions runOptions(final Arguments a) {
		return RunOptions.defaults().withTiles(tiles(a)).withDevice(DeviceChoice.parse(a.value("--device").orElse((String) COMMON_DEFAULTS.get("--device"))));
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
