package org.renovo.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.renovo.imaging.LanczosResampler;
import org.renovo.model.Model;
import org.renovo.model.ModelFamily;
import org.renovo.pipeline.FloatImage;
import org.renovo.pipeline.ImageData;
import org.renovo.pipeline.PlaneSink;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.pipeline.RunReport;
import org.renovo.pipeline.ScalePlan;

/**
 * The model steps tasks share: one model run into float planes, and an upscale to any scale by
 * chaining a model with its siblings (see {@link ScalePlan}) and resampling the float result with
 * {@link LanczosResampler} before anything is quantised. Each step adds a line to the record that
 * becomes the output's info.
 */
final class ModelSteps {

	private final ModelRuntime runtime;
	private final RunOptions options;
	private final RunMonitor monitor;
	private final List<String> record;

	ModelSteps(final ModelRuntime runtime, final RunOptions options, final RunMonitor monitor, final List<String> record) {
		this.runtime = runtime;
		this.options = options;
		this.monitor = monitor;
		this.record = record;
	}

	/** NB: a card's declared factor first, so listing a family opens no session of the siblings left unused. */
	int factor(final Model model) {
		return model.declaredGeometry().map(g -> g.scale()).orElseGet(() -> runtime.geometry(model, options.device()).scale());
	}

	/** {@code model} on {@code input}, into {@code sink}. */
	RunReport run(final ImageData input, final Model model, final PlaneSink sink) {
		final RunReport report = runtime.pipeline().run(input, model, options, sink, monitor);
		record.add(report.summary());
		return report;
	}

	/** {@code model} on {@code input}, band by band into {@code sink}: no output plane is held in floats. */
	RunReport stream(final ImageData input, final Model model, final org.renovo.pipeline.BandSink sink) {
		final RunReport report = runtime.pipeline().stream(input, model, options, sink, monitor);
		record.add(report.summary());
		return report;
	}

	/** {@code model} on {@code input}, into float planes at its native factor. */
	FloatImage run(final ImageData input, final Model model) {
		final int f = factor(model);
		final FloatImage out = new FloatImage(input.width() * f, input.height() * f, input);
		run(input, model, out);
		return out;
	}

	/** The plan that reaches {@code scale} from {@code model} and its installed siblings. */
	ScalePlan plan(final ImageData input, final Model model, final double scale) {
		return ScalePlan.of(scale, input.width(), input.height(), byFactor(model).keySet());
	}

	/** {@code input} upscaled by {@code plan}, exactly to its output size. */
	FloatImage upscale(final ImageData input, final Model model, final ScalePlan plan) {
		final Map<Integer, Model> models = byFactor(model);
		record.add("Renovo: upscale " + plan.describe());
		ImageData current = input;
		for (final int f : plan.factors())
			current = run(current, models.get(f));
		final FloatImage result = (FloatImage) current;
		if (!plan.resamples()) return result;
		record.add("Renovo: resampled with " + LanczosResampler.describe());
		return resample(result, plan.outputWidth(), plan.outputHeight());
	}

	/** Factor to model: {@code model} itself first, so it wins over a sibling of the same factor. */
	private Map<Integer, Model> byFactor(final Model model) {
		final Map<Integer, Model> models = new LinkedHashMap<>();
		models.put(factor(model), model);
		for (final String id : ModelFamily.siblings(model.id(), runtime.registry().ids())) {
			if (id.equals(model.id())) continue;
			final Model sibling = runtime.registry().resolve(id);
			models.putIfAbsent(factor(sibling), sibling);
		}
		return models;
	}

	static FloatImage resample(final FloatImage image, final int width, final int height) {
		final FloatImage out = new FloatImage(width, height, image);
		for (int p = 0; p < image.planeCount(); p++) {
			final float[][] in = image.plane(p);
			final List<float[]> resized = new ArrayList<>();
			for (final float[] c : in)
				resized.add(LanczosResampler.resize(c, image.width(), image.height(), width, height));
			out.accept(p, resized.toArray(new float[0][]));
		}
		return out;
	}
}
