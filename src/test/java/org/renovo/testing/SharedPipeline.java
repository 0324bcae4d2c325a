package org.renovo.testing;

import java.nio.file.Path;

import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.pipeline.RestorationPipeline;

/**
 * One engine and pipeline for every test class that only runs models, as one Fiji session would share
 * them: sessions and measured geometries are reused across classes. NB: the engine closes its sessions
 * when the test JVM exits.
 */
public final class SharedPipeline {

	private static final OrtInferenceEngine ENGINE = new OrtInferenceEngine();
	private static final RestorationPipeline PIPELINE = new RestorationPipeline(ENGINE, new GeometryResolver(Path.of("target", "test-cache")));

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ENGINE::close));
	}

	private SharedPipeline() {}

	public static OrtInferenceEngine engine() { return ENGINE; }

	public static RestorationPipeline pipeline() { return PIPELINE; }
}
