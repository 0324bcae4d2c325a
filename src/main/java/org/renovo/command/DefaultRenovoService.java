package org.renovo.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.renovo.engine.InferenceEngine;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.task.ModelRuntime;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

/**
 * Holds the process-wide {@link OrtInferenceEngine}, whose sessions stay open until the context is
 * disposed. Models live in {@code <app>/models/renovo} when the system property
 * {@code scijava.app.directory} or {@code imagej.dir} names an application folder that has or can make
 * that folder, else in {@link ModelRegistry#defaultDirectory()}; measured geometries in
 * {@link GeometryResolver#defaultCacheDirectory()}. Nothing is opened or written until a run needs it.
 */
@Plugin(type = Service.class)
public final class DefaultRenovoService extends AbstractService implements RenovoService {

	static final String[] APP_DIRECTORY_PROPERTIES = { "scijava.app.directory", "imagej.dir" };

	private InferenceEngine engine = new OrtInferenceEngine();
	private ModelRegistry registry;
	private GeometryResolver geometries;
	private ModelRuntime runtime;

	@Override
	public void initialize() {
		registry = new ModelRegistry(modelsDirectory());
		geometries = new GeometryResolver(GeometryResolver.defaultCacheDirectory());
	}

	@Override
	public synchronized RestorationPipeline pipeline() {
		return new RestorationPipeline(engine, geometries);
	}

	@Override
	public ModelRegistry registry() {
		return registry;
	}

	@Override
	public synchronized ModelRuntime runtime() {
		if (runtime == null) runtime = new ModelRuntime(registry, engine, geometries);
		return runtime;
	}

	@Override
	public synchronized void dispose() {
		engine.close();
	}

	/** The engine runs use; package-private so tests can check that sessions are reused. */
	synchronized InferenceEngine engine() {
		return engine;
	}

	/** Replaces the engine, closing the old one's sessions (for tests that observe the engine). */
	synchronized void setEngine(final InferenceEngine replacement) {
		engine.close();
		engine = replacement;
		runtime = null;
	}

	/** NB: read at initialisation, not per run, so one context never mixes two models folders. */
	static Path modelsDirectory() {
		for (final String key : APP_DIRECTORY_PROPERTIES) {
			final String app = System.getProperty(key);
			if (app == null || app.isEmpty()) continue;
			final Path dir = Paths.get(app);
			final Path models = dir.resolve("models").resolve("renovo");
			if (Files.isDirectory(models) || Files.isDirectory(dir) && Files.isWritable(dir)) return models;
		}
		return ModelRegistry.defaultDirectory();
	}
}
