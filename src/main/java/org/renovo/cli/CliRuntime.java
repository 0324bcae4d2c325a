package org.renovo.cli;

import java.nio.file.Path;

import org.renovo.engine.InferenceEngine;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.task.ModelRuntime;

/**
 * The command line's models, engine and geometry cache, wired once per process. Owns the engine: close
 * it when done.
 */
final class CliRuntime implements AutoCloseable {

	private final InferenceEngine engine = new OrtInferenceEngine();
	private final ModelRuntime runtime;

	CliRuntime(final Path models, final Path cache) {
		this.runtime = new ModelRuntime(new ModelRegistry(models, cache), engine, new GeometryResolver(cache));
	}

	/** Models, engine and cache from the folders the command line uses ({@link Folders}). */
	static CliRuntime open() {
		return new CliRuntime(Folders.models(), Folders.cache());
	}

	ModelRuntime runtime() {
		return runtime;
	}

	@Override
	public void close() {
		engine.close();
	}
}
