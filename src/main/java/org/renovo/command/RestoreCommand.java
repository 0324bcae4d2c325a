package org.renovo.command;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RunOptions;
import org.renovo.tiling.TileOptions;
import org.renovo.task.ImageTask;
import org.renovo.task.RestoreTask;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Restores a scanned or old photograph: artefact removal (level estimated or chosen), an optional
 * upscale, faded-colour restoration; each step recorded in the result's info. The keys are those of
 * Upscale and Denoise where they mean the same, so Batch takes one set for all three tasks. Macro keys (never rename):
 * {@code level} (artefact removal: auto, off, 0..3), {@code model} (the upscale model: none or a model id), {@code scale}
 * (0 = that model's own factor), {@code colour} (off, stretch, grey-world, white-patch),
 * {@code colour_strength} (0..1), {@code tile_size}, {@code tile_overlap}, {@code device}.
 * <pre>{@code run("Restore...", "level=auto model=none scale=0 colour=stretch colour_strength=0.8 tile_size=256 tile_overlap=16 device=auto");}</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Renovo>Restore...")
public final class RestoreCommand extends TaskCommand {

	@Parameter(label = "Image") private ImagePlus image;
	@Parameter(label = "Artefact and noise removal", choices = { "auto", "off", "0", "1", "2", "3" }, persist = false) private String level = RestoreTask.DEFAULT_NOISE_LEVEL;
	@Parameter(label = "Upscale model (none = keep the size)", initializer = "listModels", persist = false) private String model = RestoreTask.DEFAULT_UPSCALE_MODEL;
	@Parameter(label = "Scale (0 = the model's own)", min = "0", max = "16", stepSize = "0.5", persist = false) private double scale = RestoreTask.DEFAULT_SCALE;
	@Parameter(label = "Colour restoration", choices = { "off", "stretch", "grey-world", "white-patch" }, persist = false) private String colour = RestoreTask.DEFAULT_COLOUR;
	@Parameter(label = "Colour strength (0-1)", min = "0", max = "1", stepSize = "0.1", persist = false) private double colour_strength = RestoreTask.DEFAULT_COLOUR_STRENGTH;
	// NB: not persisted, so a script that omits them gets the documented defaults, not the last dialog's.
	@Parameter(label = "Tile size (px; 0 = from the model and memory)", min = "0", persist = false) private int tile_size = TileOptions.DEFAULT_TILE_SIZE;
	@Parameter(label = "Tile overlap (px)", min = "0", persist = false) private int tile_overlap = TileOptions.DEFAULT_OVERLAP;
	@Parameter(label = "Device", choices = { "auto", "cpu", "cuda", "coreml" }, persist = false) private String device = "auto";
	@Parameter(type = ItemIO.OUTPUT) private ImagePlus result;

	@Override
	protected ImageTask task(final RunOptions options) {
		return new RestoreTask(renovo.runtime(), level, model, scale, colour, colour_strength, options);
	}

	@Override protected ImagePlus input() { return image; }
	@Override protected void setResult(final ImagePlus r) { result = r; }

	/** {@code none}, then the upscale models; a path still works from a macro. */
	private void listModels() {
		final List<String> models = new ArrayList<>(List.of(RestoreTask.DEFAULT_UPSCALE_MODEL));
		models.addAll(renovo.registry().idsForTask(ModelRegistry.UPSCALE));
		getInfo().getMutableInput("model", String.class).setChoices(models);
	}
}
