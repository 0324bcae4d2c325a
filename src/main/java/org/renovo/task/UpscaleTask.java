package org.renovo.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.renovo.error.InvalidOptionsException;
import org.renovo.imagej.BigTiffSink;
import org.renovo.imagej.BigTiffWriter;
import org.renovo.imagej.ImageFiles;
import org.renovo.imagej.ImagePlusResult;
import org.renovo.imagej.ImagePlusSource;
import org.renovo.model.Model;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.pipeline.ScalePlan;

/**
 * Upscales with a model: at its native factor by default, or at any {@code scale} (see
 * {@link ModelSteps#upscale}). A native-factor run streams planes straight into the result, so it holds
 * no float copy of the output stack; {@link #streamTo} holds no output plane at all.
 */
public final class UpscaleTask implements StreamingTask {

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
			// NB: band by band into the result's own pixels: the heap holds the output image and a few rows of tiles.
			steps.stream(source, model, sink);
			return ResultImages.finish(sink, title, record, monitor);
		}
		return ResultImages.of(input, steps.upscale(source, model, plan), title, record, monitor);
	}

	@Override
	public boolean exceedsMemory(final ImagePlus input) {
		final ImagePlusSource source = ImagePlusSource.of(input);
		final double target = scale == NATIVE_SCALE ? new ModelSteps(runtime, options, RunMonitor.NONE, new ArrayList<>()).factor(model) : scale;
		final double plane = (double) input.getWidth() * input.getHeight() * target * target;
		return plane > Integer.MAX_VALUE || Preflight.resultBytes(source, target) > Preflight.freeHeap();
	}

	/** @throws InvalidOptionsException when a scale other than the model's own factor is asked for */
	@Override
	public void streamTo(final ImagePlus input, final Path output, final RunMonitor monitor) throws IOException {
		final List<String> record = new ArrayList<>();
		final ModelSteps steps = new ModelSteps(runtime, options, monitor, record);
		final ImagePlusSource source = ImagePlusSource.of(input);
		final int factor = steps.factor(model);
		if (scale != NATIVE_SCALE && scale != factor)
			throw new InvalidOptionsException("A BigTIFF is written at the model's own factor (" + factor + "), not at scale " + scale + ": leave out --scale, or use a model of that factor.");
		final long width = (long) input.getWidth() * factor, height = (long) input.getHeight() * factor;
		if (width > Integer.MAX_VALUE / BigTiffWriter.TILE || height > Integer.MAX_VALUE)
			throw new InvalidOptionsException("A result of " + width + "x" + height + " pixels is wider than Renovo can stream: upscale the image in parts (Image > Crop).");
		for (final String advice : Preflight.forStreamedUpscale(source))
			monitor.warn(advice);
		ImageFiles.writeVia(output, file -> {
			try (BigTiffSink sink = new BigTiffSink(input, (int) width, (int) height, file, BigTiffWriter.Compression.NONE)) {
				runtime.pipeline().stream(source, model, options, sink, monitor);
				sink.finish();
				ResultImages.clampWarning(sink.clippedValues(), (double) width * height * input.getStackSize() * (input.getType() == ImagePlus.COLOR_RGB ? 3 : 1), input, record, monitor);
			}
			catch (final UncheckedIOException e) {
				throw e.getCause();
			}
		});
	}
}
