package org.renovo.task;

import org.renovo.engine.InferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.tiling.ModelGeometry;

/**
 * The installed models, the inference engine that keeps their sessions open, and the cache of measured
 * geometries: what every task needs to run a model. Does not own the engine; whoever made it closes it.
 */
public final class ModelRuntime {

	private final ModelRegistry registry;
	private final InferenceEngine engine;
	private final GeometryResolver geometries;

	public ModelRuntime(final ModelRegistry registry, final InferenceEngine engine, final GeometryResolver geometries) {
		this.registry = registry;
		this.engine = engine;
		this.geometries = geometries;
	}

	public ModelRegistry registry() { return registry; }

	public RestorationPipeline pipeline() {
		return new RestorationPipeline(engine, geometries);
	}

	/** The model's measured geometry (opens its session, which later runs reuse). */
	public ModelGeometry geometry(final Model model, final org.renovo.engine.DeviceChoice device) {
		return geometries.geometry(model, engine.session(model.file(), device));
	}
}
