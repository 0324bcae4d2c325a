package org.renovo.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;

import org.renovo.error.InvalidOptionsException;
import org.renovo.imagej.ImagePlusSource;
import org.renovo.model.Model;
import org.renovo.pipeline.FloatImage;
import org.renovo.pipeline.ImageData;
import org.renovo.pipeline.PercentileMapping;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;

/**
 * Removes noise with a 1x model at a chosen strength: {@code level} picks the noise level of the
 * default waifu2x cunet family (noise0..noise3), {@code blend} mixes the result with the original
 * ({@code original + blend * (denoised - original)}, in the image's units). 16- and 32-bit images are
 * normalised plane by plane by robust percentiles ({@link PercentileMapping}) and mapped back unclipped.
 */
public final class DenoiseTask implements ImageTask {

	/** The family whose {@code noise<level>} member {@code level} picks. */
	public static final String DEFAULT_MODEL = "waifu2x-cunet";
	public static final int DEFAULT_LEVEL = 1, MAX_LEVEL = 3;
	public static final double DEFAULT_BLEND = 1.0;

	private final ModelRuntime runtime;
	private final Model model;
	private final int level;
	private final double blend;
	private final RunOptions options;

	/**
	 * @param model {@link #DEFAULT_MODEL}, another installed 1x model's id, or a model file
	 * @throws InvalidOptionsException for a level or blend out of range
	 * @throws org.renovo.error.ModelFormatException when the model is not installed
	 */
	public DenoiseTask(final ModelRuntime runtime, final String model, final int level, final double blend, final RunOptions options) {
		if (level < 0 || level > MAX_LEVEL) throw new InvalidOptionsException("level=" + level + " is out of range: choose 0 (lightest) to " + MAX_LEVEL + " (strongest).");
		if (!(blend >= 0 && blend <= 1)) throw new InvalidOptionsException("blend=" + blend + " is out of range: choose 0 (the original) to 1 (fully denoised).");
		this.runtime = runtime;
		this.model = runtime.registry().resolve(idFor(model, level));
		this.level = level;
		this.blend = blend;
		this.options = options;
		// NB: refused here, once, not per file of a batch.
		checkOneX(new ModelSteps(runtime, options, RunMonitor.NONE, new ArrayList<>()).factor(this.model), this.model);
	}

	private static void checkOneX(final int factor, final Model model) {
		if (factor != 1) throw new InvalidOptionsException("Model " + model.id() + " upscales " + factor + "x; Denoise needs a 1x model (such as waifu2x-cunet-noise0..3): use Upscale for " + model.id() + ".");
	}

	/** The model id {@code level} selects: {@code waifu2x-cunet-noise<level>} for the default family. */
	public static String idFor(final String model, final int level) {
		return model.equals(DEFAULT_MODEL) ? DEFAULT_MODEL + "-noise" + level : model;
	}

	@Override public String name() { return "denoise"; }

	@Override
	public ImagePlus apply(final ImagePlus input, final String title, final RunMonitor monitor) {
		final List<String> record = new ArrayList<>();
		final ImagePlusSource source = ImagePlusSource.of(input);
		for (final String advice : Preflight.forDenoise(source))
			monitor.warn(advice);
		final ModelSteps steps = new ModelSteps(runtime, options, monitor, record);
		record.add(String.format(Locale.ROOT, "Renovo: denoise with %s%s, blend %.3g", model.id(), model.id().startsWith(DEFAULT_MODEL + "-noise") ? " (level " + level + ")" : " (level does not apply to this model)", blend));
		return ResultImages.of(input, denoise(steps, source, model, blend, record), title, record, monitor);
	}

	/** The denoise step Restore shares: {@code model} (1x) on robustly normalised planes, blended. */
	static FloatImage denoise(final ModelSteps steps, final ImageData source, final Model model, final double blend, final List<String> record) {
		checkOneX(steps.factor(model), model);
		final FloatImage denoised = steps.run(PercentileMapping.apply(source, record), model);
		return blend >= 1 ? denoised : mix(FloatImage.copyOf(source), denoised, (float) blend);
	}

	/** {@code original + blend * (denoised - original)}, written into {@code denoised}'s arrays. */
	static FloatImage mix(final FloatImage original, final FloatImage denoised, final float blend) {
		for (int p = 0; p < original.planeCount(); p++) {
			final float[][] a = original.plane(p), b = denoised.plane(p);
			for (int c = 0; c < a.length; c++)
				for (int i = 0; i < a[c].length; i++)
					b[c][i] = a[c][i] + blend * (b[c][i] - a[c][i]);
		}
		return denoised;
	}
}
