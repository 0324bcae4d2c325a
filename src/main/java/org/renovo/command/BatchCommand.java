package org.renovo.command;

import java.io.File;

import org.renovo.batch.BatchJob;
import org.renovo.batch.BatchReport;
import org.renovo.batch.BatchRunner;
import org.renovo.error.RenovoException;
import org.renovo.imagej.OutputFormat;
import org.renovo.task.ImageTask;
import org.renovo.tiling.TileOptions;
import org.renovo.task.DenoiseTask;
import org.renovo.task.RestoreTask;
import org.renovo.task.UpscaleTask;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Runs a task over every matching file of a folder, writing {@code <name>.<format>} into another folder;
 * resumable (finished outputs are skipped) and going on past bad files, which are logged at the end.
 * Macro keys (never rename): {@code task} ({@code upscale}, {@code denoise}, {@code restore}), the
 * task's keys as on its own command ({@code model}, {@code level}, {@code blend}, {@code scale},
 * {@code colour}, {@code colour_strength}; {@code default} for model and level means the task's own
 * default; keys a task does not use are ignored), {@code input_dir}, {@code output_dir}, {@code pattern}, {@code format}
 * ({@code tif | png | jpg}), {@code tile_size}, {@code tile_overlap}, {@code device}. Cancelled with the
 * reason only when nothing could be done.
 * <pre>{@code run("Batch...", "task=upscale model=demo-x2 level=default scale=0 input_dir=/data/in output_dir=/data/out pattern=*.tif format=tif tile_size=256 tile_overlap=16 device=auto");}</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Renovo>Batch...")
public final class BatchCommand extends DynamicCommand {

	@Parameter private RenovoService renovo;
	@Parameter private StatusService status;
	@Parameter private LogService log;

	@Parameter(label = "Task", choices = { "upscale", "denoise", "restore" }, persist = false) private String task = "upscale";
	@Parameter(label = "Model (default = the task's own)", persist = false) private String model = CommandTasks.DEFAULT;
	@Parameter(label = "Level (Denoise 0-3; Restore auto, off, 0-3)", choices = { "default", "auto", "off", "0", "1", "2", "3" }, persist = false) private String level = CommandTasks.DEFAULT;
	@Parameter(label = "Blend (Denoise, 0-1)", min = "0", max = "1", stepSize = "0.1", persist = false) private double blend = DenoiseTask.DEFAULT_BLEND;
	@Parameter(label = "Scale (Upscale, Restore; 0 = the model's own)", min = "0", max = "16", stepSize = "0.5", persist = false) private double scale = UpscaleTask.NATIVE_SCALE;
	@Parameter(label = "Colour (Restore)", choices = { "off", "stretch", "grey-world", "white-patch" }, persist = false) private String colour = RestoreTask.DEFAULT_COLOUR;
	@Parameter(label = "Colour strength (Restore, 0-1)", min = "0", max = "1", stepSize = "0.1", persist = false) private double colour_strength = RestoreTask.DEFAULT_COLOUR_STRENGTH;
	@Parameter(label = "Input folder", style = "directory") private File input_dir;
	@Parameter(label = "Output folder", style = "directory") private File output_dir;
	@Parameter(label = "File pattern", persist = false) private String pattern = BatchJob.DEFAULT_PATTERN;
	@Parameter(label = "Output format", choices = { "tif", "png", "jpg" }, persist = false) private String format = "tif";
	@Parameter(label = "Tile size (px; 0 = from the model and memory)", min = "0", persist = false) private int tile_size = TileOptions.DEFAULT_TILE_SIZE;
	@Parameter(label = "Tile overlap (px)", min = "0", persist = false) private int tile_overlap = TileOptions.DEFAULT_OVERLAP;
	@Parameter(label = "Device", choices = { "auto", "cpu", "cuda", "coreml" }, persist = false) private String device = "auto";

	private BatchReport report;

	@Override
	public void run() {
		final BatchStatus monitor = new BatchStatus(status, log, this::isCanceled);
		try {
			final ImageTask imageTask = CommandTasks.create(task, model, level, blend, scale, colour, colour_strength, CommandTasks.options(tile_size, tile_overlap, device), renovo.runtime());
			final BatchJob job = BatchJob.of(input_dir.toPath(), output_dir.toPath(), pattern, OutputFormat.named(format));
			report = new BatchRunner(imageTask).run(job, monitor);
			report.lines().forEach(line -> log(line, !report.failed().isEmpty()));
			if (monitor.finished() == 0 && !report.failed().isEmpty() && !isCanceled()) cancel("Nothing could be done: every file failed; the log lists the reasons. First: " + report.failed().get(0).reason());
		}
		catch (final RenovoException e) {
			log.error(e.getMessage());
			if (monitor.finished() == 0 && !isCanceled()) cancel(e.getMessage());
		}
		finally {
			status.clearStatus();
		}
	}

	/** What the last run did; null before a run or when it was refused. */
	BatchReport report() {
		return report;
	}

	private void log(final String line, final boolean failures) {
		if (failures) log.warn(line);
		else log.info(line);
	}

}
