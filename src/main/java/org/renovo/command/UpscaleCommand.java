package org.renovo.command;

import ij.ImagePlus;
import ij.macro.Interpreter;

import org.renovo.error.RenovoException;
import org.renovo.error.RunCancelledException;
import org.renovo.imagej.ImagePlusResult;
import org.renovo.imagej.ImagePlusSource;
import org.renovo.pipeline.RunReport;
import org.renovo.tiling.TileOptions;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;

/**
 * Upscales an image with a model, tile by tile; the input is never modified. Macro keys (never rename):
 * {@code model} (an id from the models folder or a path to an {@code .onnx} file), {@code tile_size},
 * {@code tile_overlap}, {@code device} ({@code auto | cpu | cuda | coreml}). A failure or a cancel
 * cancels the command with the reason and leaves {@code result} null.
 * <pre>{@code run("Upscale...", "model=demo-x2 tile_size=256 tile_overlap=16 device=auto");}</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Renovo>Upscale...")
public final class UpscaleCommand extends DynamicCommand {

	@Parameter private RenovoService renovo;
	@Parameter private StatusService status;
	@Parameter private LogService log;
	@Parameter private UIService ui;

	@Parameter(label = "Image") private ImagePlus image;
	@Parameter(label = "Model", initializer = "listModels") private String model = "demo-x2";
	// NB: not persisted, so a script that omits them gets the documented defaults, not the last dialog's.
	@Parameter(label = "Tile size (px)", min = "16", persist = false) private int tile_size = TileOptions.DEFAULT_TILE_SIZE;
	@Parameter(label = "Tile overlap (px)", min = "0", persist = false) private int tile_overlap = TileOptions.DEFAULT_OVERLAP;
	@Parameter(label = "Device", choices = { "auto", "cpu", "cuda", "coreml" }, persist = false) private String device = "auto";
	@Parameter(type = ItemIO.OUTPUT) private ImagePlus result;

	@Override
	public void run() {
		try {
			final ImagePlusResult sink = new ImagePlusResult(image);
			final RunReport report = renovo.pipeline().run(ImagePlusSource.of(image), renovo.registry().resolve(model), CommandTasks.options(tile_size, tile_overlap, device), sink, new StatusProgress(status, log, this::isCanceled));
			result = sink.toImagePlus(baseName(image.getTitle()) + "-" + report.modelId() + "-x" + report.scale(), report.summary());
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

	private void listModels() {
		getInfo().getMutableInput("model", String.class).setChoices(renovo.registry().ids());
	}

	/** The title without its file extension: {@code blobs.gif} gives {@code blobs}. */
	static String baseName(final String title) {
		return title.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
	}
}
