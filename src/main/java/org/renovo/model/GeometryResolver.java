package org.renovo.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import org.renovo.engine.InferenceSession;
import org.renovo.model.onnx.OnnxGraphs;
import org.renovo.error.ModelFormatException;
import org.renovo.tiling.ModelGeometry;

/**
 * A model's geometry: as its card declares it, else as measured once by {@link GeometryProbe} and kept
 * under the SHA-256 of the model file, in memory and in a cache folder ({@code $RENOVO_CACHE}, else
 * {@code ~/.cache/renovo}), so later runs and later sessions do not probe again. Thread-safe.
 */
public final class GeometryResolver {

	private final Path cacheDir;
	private final Map<String, ModelGeometry> memory = new ConcurrentHashMap<>();
	private final Map<String, org.renovo.model.onnx.ModelCost> costs = new ConcurrentHashMap<>();
	private volatile int probes;

	public GeometryResolver(final Path cacheDir) {
		this.cacheDir = cacheDir;
	}

	public static Path defaultCacheDirectory() {
		final String env = System.getenv("RENOVO_CACHE");
		if (env != null && !env.isEmpty()) return Paths.get(env);
		return Paths.get(System.getProperty("user.home"), ".cache", "renovo");
	}

	public ModelGeometry geometry(final Model model, final InferenceSession session) {
		if (model.declaredGeometry().isPresent()) return model.declaredGeometry().get();
		final String key = Sha256.of(model.file());
		return memory.computeIfAbsent(key, k -> loadOrProbe(k, model.file(), session));
	}

	/** How many probe runs this resolver has made (for tests of the cache). */
	/** The model's cost counted from its graph, once per file and version for this resolver's lifetime. */
	public org.renovo.model.onnx.ModelCost cost(final Model model) {
		final java.nio.file.Path file = model.file();
		String key;
		try {
			key = file.toAbsolutePath() + "@" + java.nio.file.Files.size(file) + "@" + java.nio.file.Files.getLastModifiedTime(file).toMillis();
		}
		catch (final java.io.IOException e) {
			throw new org.renovo.error.ModelFormatException("Cannot read " + file + ": " + e.getMessage(), e);
		}
		return costs.computeIfAbsent(key, k -> org.renovo.model.onnx.ModelCost.of(file));
	}

	public int probeCount() {
		return probes;
	}

	private ModelGeometry loadOrProbe(final String key, final Path model, final InferenceSession session) {
		final Path file = cacheDir.resolve("geometry").resolve(key + ".json");
		if (Files.isRegularFile(file)) {
			try {
				return ModelCard.readGeometry(file);
			}
			catch (final ModelFormatException e) {
				// NB: a damaged cache entry is re-measured and overwritten below.
			}
		}
		probes++;
		final ModelGeometry g = GeometryProbe.probe(session, session.signature().inputChannels()).withWholeInput(OnnxGraphs.poolsGlobally(model));
		store(file, g);
		return g;
	}

	private static void store(final Path file, final ModelGeometry g) {
		try {
			ModelCard.builder(null).geometry(g).build().write(file);
		}
		catch (final IOException e) {
			// NB: the cache is an optimisation; an unwritable cache folder only costs a probe next time.
		}
	}
}
