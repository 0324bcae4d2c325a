package org.renovo.command;

import ij.ImagePlus;
import ij.macro.Interpreter;

import org.renovo.engine.DeviceChoice;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.RenovoException;
import org.renovo.error.RunCancelledException;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.ImageTask;
import org.renovo.tiling.TileOptions;
import org.scijava.app.StatusService;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;

/**
 * What Upscale, Denoise and Restore share: the input image, the tiling and device options, running the
 * configured {@link ImageTask}, and the result. A failure or a cancel cancels the command with the reason
 * (logged, never a dialog) and leaves the result null; the input is never modified.
 */
abstract class TaskCommand extends DynamicCommand {

	@Parameter protected RenovoService renovo;
	@Parameter private StatusService status;
	@Parameter private LogService log;
	@Parameter private UIService ui;

	/** The configured work; called once per run, after the inputs are set. */
	protected abstract ImageTask task(RunOptions options);

	protected abstract ImagePlus input();

	protected abstract void setResult(ImagePlus result);

	@Override
	public void run() {
		try {
			final ImageTask task = task(options());
			final ImagePlus result = task.apply(input(), baseName(input().getTitle()) + "-" + task.name(), new StatusProgress(status, log, this::isCanceled));
			setResult(result);
			// NB: the GUI's legacy layer shows an OUTPUT ImagePlus itself (in batch mode too); headless it does not, so a macro could not select it.
			if (ui.isHeadless() && Interpreter.isBatchMode()) Interpreter.addBatchModeImage(result);
		}
		catch (final RenovoException e) {
			if (e instanceof RunCancelledException) log.info(e.getMessage());
			else log.error(e.getMessage());
			if (!isCanceled()) cancel(e.getMessage());
			// NB: else the status bar keeps the last tile's half-filled progress.
			status.clearStatus();
		}
	}

	/**
	 * The options every subclass declares as {@code tile_size}, {@code tile_overlap} and {@code device}.
	 * NB: declared there, not here, because SciJava lists a superclass's inputs first, and the dialog
	 * should read image, model, then the technical options.
	 */
	private RunOptions options() {
		final int tile_size = (Integer) getInput("tile_size"), tile_overlap = (Integer) getInput("tile_overlap");
		final String device = (String) getInput("device");
		return CommandTasks.options(tile_size, tile_overlap, device);
	}

	/** The title without its file extension: {@code blobs.gif} gives {@code blobs}. */
	static String baseName(final String title) {
		return title.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
	}
}
