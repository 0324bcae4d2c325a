package org.renovo.command;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RunOptions;
import org.renovo.tiling.TileOptions;
import org.renovo.task.DenoiseTask;
import org.renovo.task.ImageTask;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Removes noise with a 1x model; the input is never modified. Macro keys (never rename): {@code model}
 * ({@code waifu2x-cunet}, whose noise level {@code level} picks, or another 1x model's id or file),
 * {@code level} (0..3), {@code blend} (0 = the original .. 1 = fully denoised), {@code tile_size},
 * {@code tile_overlap}, {@code device}. 16- and 32-bit planes are normalised by robust percentiles.
 * <pre>{@code run("Denoise...", "model=waifu2x-cunet level=1 blend=1 tile_size=256 tile_overlap=16 device=auto");}</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Renovo>Denoise...")
public final class DenoiseCommand extends TaskCommand {

	@Parameter(label = "Image") private ImagePlus image;
	@Parameter(label = "Model", initializer = "listModels", persist = false) private String model = DenoiseTask.DEFAULT_MODEL;
	@Parameter(label = "Noise level (0-3)", min = "0", max = "3", persist = false) private int level = DenoiseTask.DEFAULT_LEVEL;
	@Parameter(label = "Blend with original (0-1)", min = "0", max = "1", stepSize = "0.1", persist = false) private double blend = DenoiseTask.DEFAULT_BLEND;
	// NB: not persisted, so a script that omits them gets the documented defaults, not the last dialog's.
	@Parameter(label = "Tile size (px; 0 = from the model and memory)", min = "0", persist = false) private int tile_size = TileOptions.DEFAULT_TILE_SIZE;
	@Parameter(label = "Tile overlap (px)", min = "0", persist = false) private int tile_overlap = TileOptions.DEFAULT_OVERLAP;
	@Parameter(label = "Device", choices = { "auto", "cpu", "cuda", "coreml" }, persist = false) private String device = "auto";
	@Parameter(type = ItemIO.OUTPUT) private ImagePlus result;

	@Override
	protected ImageTask task(final RunOptions options) {
		return new DenoiseTask(renovo.runtime(), model, level, blend, options);
	}

	@Override protected ImagePlus input() { return image; }
	@Override protected void setResult(final ImagePlus r) { result = r; }

	/** The waifu2x cunet family (picked by level), then the installed denoise models; a path still works from a macro. */
	private void listModels() {
		final List<String> models = new ArrayList<>(List.of(DenoiseTask.DEFAULT_MODEL));
		models.addAll(renovo.registry().idsForTask(ModelRegistry.DENOISE));
		getInfo().getMutableInput("model", String.class).setChoices(models);
	}
}
