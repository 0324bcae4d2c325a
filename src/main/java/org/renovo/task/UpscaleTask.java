package org.renovo.task;

import ij.ImagePlus;

import org.renovo.imagej.ImagePlusResult;
import org.renovo.imagej.ImagePlusSource;
import org.renovo.model.Model;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.pipeline.RunReport;

/** Upscales with one model at its native factor. */
public final class UpscaleTask implements ImageTask {

	private final ModelRuntime runtime;
	private final Model model;
	private final RunOptions options;

	public UpscaleTask(final ModelRuntime runtime, final String model, final RunOptions options) {
		this.runtime = runtime;
		this.model = runtime.registry().resolve(model);
		this.options = options;
	}

	@Override public String name() { return "upscale"; }

	@Override
	public ImagePlus apply(final ImagePlus input, final String title, final RunMonitor monitor) {
		final int scale = runtime.geometry(model, options.device()).scale();
		final ImagePlusResult sink = new ImagePlusResult(input, scale);
		final RunReport report = runtime.pipeline().run(ImagePlusSource.of(input), model, options, sink, monitor);
		return sink.toImagePlus(title, report.summary());
	}
}
