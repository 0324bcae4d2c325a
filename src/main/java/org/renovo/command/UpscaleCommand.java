package org.renovo.command;

import java.util.Locale;

import ij.ImagePlus;

import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RunOptions;
import org.renovo.tiling.TileOptions;
import org.renovo.task.ImageTask;
import org.renovo.task.UpscaleTask;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Upscales an image with a model, tile by tile; the input is never modified. Macro keys (never rename):
 * {@code model} (an id from the models folder or a path to an {@code .onnx} file), {@code scale}
 * (0 = the model's own factor; any other scale chains the model's siblings and resamples),
 * {@code tile_size}, {@code tile_overlap}, {@code device} ({@code auto | cpu | cuda | coreml}).
 * <pre>{@code run("Upscale...", "model=demo-x2 scale=0 tile_size=256 tile_overlap=16 device=auto");}</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Renovo>Upscale...")
public final class UpscaleCommand extends TaskCommand {

	@Parameter(label = "Image") private ImagePlus image;
	@Parameter(label = "Model", initializer = "listModels") private String model = "demo-x2";
	@Parameter(label = "Scale (0 = the model's own)", min = "0", max = "16", stepSize = "0.5", persist = false) private double scale = UpscaleTask.NATIVE_SCALE;
	// NB: not persisted, so a script that omits them gets the documented defaults, not the last dialog's.
	@Parameter(label = "Tile size (px; 0 = from the model and memory)", min = "0", persist = false) private int tile_size = TileOptions.DEFAULT_TILE_SIZE;
	@Parameter(label = "Tile overlap (px)", min = "0", persist = false) private int tile_overlap = TileOptions.DEFAULT_OVERLAP;
	@Parameter(label = "Device", choices = { "auto", "cpu", "cuda", "coreml" }, persist = false) private String device = "auto";
	@Parameter(type = ItemIO.OUTPUT) private ImagePlus result;

	@Override
	protected ImageTask task(final RunOptions options) {
		return new UpscaleTask(renovo.runtime(), model, scale, options);
	}

	@Override protected ImagePlus input() { return image; }

	@Override
	protected void setResult(final ImagePlus r) {
		final double s = (double) r.getWidth() / image.getWidth();
		r.setTitle(baseName(image.getTitle()) + "-" + model.replaceAll(".*[/\\\\]", "").replaceFirst("\\.(onnx|param)$", "") + "-x" + (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.3g", s)));
		result = r;
	}

	/** NB: choices only fill the dialog; a macro or script may still give a path to an .onnx or .param file. */
	private void listModels() {
		getInfo().getMutableInput("model", String.class).setChoices(renovo.registry().idsForTask(ModelRegistry.UPSCALE));
	}
}
