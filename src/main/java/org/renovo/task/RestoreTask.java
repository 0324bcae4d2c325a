package org.renovo.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;

import org.renovo.error.InvalidOptionsException;
import org.renovo.imagej.ImagePlusSource;
import org.renovo.imaging.ColourRestoration;
import org.renovo.model.Model;
import org.renovo.pipeline.FloatImage;
import org.renovo.pipeline.ImageData;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.pipeline.ScalePlan;
import org.renovo.tensor.ValueMapping;

/**
 * Restores a scanned or old photograph in up to three optional steps, each recorded in the output's
 * info: (a) JPEG-artefact and noise removal at a level estimated from the image ({@link ArtefactLevel})
 * or chosen; (b) an upscale with a chosen model to any scale; (c) faded-colour and contrast restoration
 * ({@link ColourRestoration}). Denoise runs before the upscale, as practitioners advise, so the upscale
 * does not sharpen compression artefacts.
 */
public final class RestoreTask implements ImageTask {

	public static final String AUTO = "auto", OFF = "off", NONE = "none";
	public static final List<String> NOISE_LEVELS = List.of(AUTO, OFF, "0", "1", "2", "3");
	public static final List<String> COLOURS = List.of(OFF, "stretch", "grey-world", "white-patch");
	public static final String DEFAULT_NOISE_LEVEL = AUTO, DEFAULT_UPSCALE_MODEL = NONE, DEFAULT_COLOUR = "stretch";
	public static final double DEFAULT_SCALE = UpscaleTask.NATIVE_SCALE, DEFAULT_COLOUR_STRENGTH = 0.8;

	private final ModelRuntime runtime;
	private final String noiseLevel;
	private final Model upscaleModel;
	private final double scale;
	private final String colour;
	private final double colourStrength;
	private final RunOptions options;

	/** @throws InvalidOptionsException naming the option and its allowed values */
	public RestoreTask(final ModelRuntime runtime, final String noiseLevel, final String upscaleModel, final double scale, final String colour,
		final double colourStrength, final RunOptions options)
	{
		if (!NOISE_LEVELS.contains(noiseLevel)) throw new InvalidOptionsException("level=" + noiseLevel + " is not one of " + NOISE_LEVELS + ".");
		if (!COLOURS.contains(colour)) throw new InvalidOptionsException("colour=" + colour + " is not one of " + COLOURS + ".");
		if (!(colourStrength >= 0 && colourStrength <= 1)) throw new InvalidOptionsException("colour_strength=" + colourStrength + " is out of range: choose 0 (unchanged) to 1 (full correction).");
		if (!(scale == UpscaleTask.NATIVE_SCALE || scale > 1)) throw new InvalidOptionsException("scale=" + scale + " is out of range: 0 for the model's own factor, or above 1.");
		this.runtime = runtime;
		this.noiseLevel = noiseLevel;
		this.upscaleModel = upscaleModel.equals(NONE) || upscaleModel.isEmpty() ? null : runtime.registry().resolve(upscaleModel);
		this.scale = scale;
		this.colour = colour;
		this.colourStrength = colourStrength;
		this.options = options;
		// NB: fail now, not after an hour of batch work, when a denoise model is missing.
		if (!noiseLevel.equals(AUTO) && !noiseLevel.equals(OFF)) denoiseModel(Integer.parseInt(noiseLevel));
	}

	@Override public String name() { return "restore"; }

	@Override
	public ImagePlus apply(final ImagePlus input, final String title, final RunMonitor monitor) {
		final List<String> record = new ArrayList<>();
		final ImagePlusSource source = ImagePlusSource.of(input);
		final ModelSteps steps = new ModelSteps(runtime, options, monitor, record);
		final ScalePlan plan = upscaleModel == null ? null : plan(steps, source);
		for (final String advice : Preflight.forRestore(source, plan == null ? 1 : plan.scale()))
			monitor.warn(advice);
		ImageData current = source;
		final int level = level(source, record, monitor);
		if (level != ArtefactLevel.NONE) {
			final Model model = denoiseModel(level);
			record.add("Renovo: step 1, artefact removal with " + model.id());
			current = DenoiseTask.denoise(steps, current, model, 1, record);
		}
		else record.add("Renovo: step 1, artefact removal: skipped");
		if (plan != null) current = steps.upscale(current, upscaleModel, plan);
		else record.add("Renovo: step 2, upscale: skipped (no upscale_model)");
		if (!colour.equals(OFF)) current = colour(current instanceof FloatImage ? (FloatImage) current : FloatImage.copyOf(current), record);
		else record.add("Renovo: step 3, colour: skipped");
		final FloatImage result = current instanceof FloatImage ? (FloatImage) current : FloatImage.copyOf(current);
		return ResultImages.of(input, result, title, record, monitor);
	}

	private ScalePlan plan(final ModelSteps steps, final ImageData source) {
		final double target = scale == UpscaleTask.NATIVE_SCALE ? steps.factor(upscaleModel) : scale;
		return steps.plan(source, upscaleModel, target);
	}

	private int level(final ImageData source, final List<String> record, final RunMonitor monitor) {
		if (noiseLevel.equals(OFF)) return ArtefactLevel.NONE;
		if (!noiseLevel.equals(AUTO)) return Integer.parseInt(noiseLevel);
		final ArtefactLevel estimate = ArtefactLevel.estimate(source);
		record.add(estimate.record());
		monitor.info(estimate.record());
		return estimate.level();
	}

	private Model denoiseModel(final int level) {
		return runtime.registry().resolve(DenoiseTask.idFor(DenoiseTask.DEFAULT_MODEL, level));
	}

	/**
	 * Step (c) on every plane, in 8-bit units (RGB as it is, grey through its value mapping), into the
	 * image's own arrays.
	 */
	private FloatImage colour(final FloatImage image, final List<String> record) {
		final ColourRestoration.Balance balance = balance();
		for (int p = 0; p < image.planeCount(); p++) {
			final float[][] channels = image.plane(p);
			final ValueMapping map = image.mapping(p);
			final boolean grey = channels.length == 1;
			if (grey) toUnits(channels[0], map, true);
			final ColourRestoration.Result r = ColourRestoration.apply(channels, image.width(), image.height(), ColourRestoration.Options.defaults().withStrength(colourStrength).withBalance(balance));
			final float[][] out = r.channels();
			if (grey) toUnits(out[0], map, false);
			image.accept(p, out);
			if (p == 0) record.add(String.format(Locale.ROOT, "Renovo: step 3, colour %s at strength %.2f%s: %s", colour, colourStrength, image.planeCount() > 1 ? " (each plane measured on its own; plane 1 shown)" : "", r.record()));
		}
		return image;
	}

	private ColourRestoration.Balance balance() {
		switch (colour) {
			case "grey-world": return ColourRestoration.Balance.GREY_WORLD;
			case "white-patch": return ColourRestoration.Balance.WHITE_PATCH;
			default: return ColourRestoration.Balance.NONE;
		}
	}

	/** Between a grey plane's units and 8-bit units, through its value mapping, in place. */
	private static void toUnits(final float[] values, final ValueMapping map, final boolean toEightBit) {
		for (int i = 0; i < values.length; i++)
			values[i] = toEightBit ? 255f * map.toModel(values[i]) : map.fromModel(values[i] / 255f);
	}

	@Override
	public String toString() {
		return "RestoreTask" + Arrays.asList(noiseLevel, upscaleModel == null ? NONE : upscaleModel.id(), scale, colour, colourStrength);
	}
}
