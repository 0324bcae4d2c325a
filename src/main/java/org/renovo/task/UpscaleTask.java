package org.renovo.task;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.renovo.imagej.ImagePlusResult;
import org.renovo.imagej.ImagePlusSource;
import org.renovo.model.Model;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.pipeline.ScalePlan;

/**
 * Upscales with a model: at its native factor by default, or at any {@code scale} (see
 * {@link ModelSteps#upscale}). A native-factor run streams planes straight into the result, so it holds
 * no float copy of the output stack.
 */
public final class UpscaleTask implements ImageTask {

	/** The {@code scale} that means "the model's own factor". */
	public static final double NATIVE_SCALE = 0;

	private final ModelRuntime runtime;
	private final Model model;
	private final RunOptions options;
	private final double scale;

	public UpscaleTask(final ModelRuntime runtime, final String model, final RunOptions options) {
		this(runtime, model, NATIVE_SCALE, options);
	}

	/** @param scale the output scale, or {@link #NATIVE_SCALE} for the model's own factor */
	public UpscaleTask(final ModelRuntime runtime, final String model, final double scale, final RunOptions options) {
		this.runtime = runtime;
		this.model = runtime.registry().resolve(model);
		this.scale = scale;
		this.options = options;
	}

	@Override public String name() { return "upscale"; }

	@Override
	public ImagePlus apply(final ImagePlus input, final String title, final RunMonitor monitor) {
		final List<String> record = new ArrayList<>();
		final ModelSteps steps = new ModelSteps(runtime, options, monitor, record);
		final ImagePlusSource source = ImagePlusSource.of(input);
		final int factor = steps.factor(model);
		final double target = scale == NATIVE_SCALE ? factor : scale;
		final ScalePlan plan = target == factor ? null : steps.plan(source, model, target);
		for (final String advice : Preflight.forUpscale(source, target))
			monitor.warn(advice);
		if (plan == null) {
			final ImagePlusResult sink = new ImagePlusResult(input, factor);
			steps.run(source, model, sink);
			return ResultImages.finish(sink, title, record, monitor);
		}
		return ResultImages.of(input, steps.upscale(source, model, plan), title, record, monitor);
	}
}
