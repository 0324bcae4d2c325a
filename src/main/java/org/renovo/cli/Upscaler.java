package org.renovo.cli;

import java.nio.file.Path;

import ij.ImagePlus;

import org.renovo.engine.InferenceEngine;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.imagej.ImagePlusResult;
import org.renovo.imagej.ImagePlusSource;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.pipeline.RunReport;

/**
 * The CLI's one way to run a model on an {@link ImagePlus}: the registry, an ONNX Runtime engine, the
 * geometry cache and the pipeline, wired once. Owns the engine: close it when done.
 */
final class Upscaler implements AutoCloseable {

	private final ModelRegistry registry;
	private final GeometryResolver geometries;
	private final InferenceEngine engine = new OrtInferenceEngine();

	Upscaler(final Path models, final Path cache) {
		this.registry = new ModelRegistry(models, cache);
		this.geometries = new GeometryResolver(cache);
	}

	/** @throws org.renovo.error.ModelFormatException when there is no such model */
	Model model(final String idOrPath) {
		return registry.resolve(idOrPath);
	}

	/** The result of {@code model} on {@code input}, titled {@code title}; the input is only read. */
	ImagePlus run(final ImagePlus input, final Model model, final RunOptions options, final RunMonitor monitor, final String title) {
		final ImagePlusSource source = ImagePlusSource.of(input);
		// NB: ImagePlusResult needs the scale before the first plane; the geometry is cached, so the
		// pipeline below reuses this session and this measurement.
		final int scale = geometries.geometry(model, engine.session(model.file(), options.device())).scale();
		final ImagePlusResult result = new ImagePlusResult(input, scale);
		final RunReport report = new RestorationPipeline(engine, geometries).run(source, model, options, result, monitor);
		return result.toImagePlus(title, report.summary());
	}

	@Override
	public void close() {
		engine.close();
	}
}
