package org.renovo.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.renovo.error.InferenceException;
import org.renovo.error.ModelFormatException;

/**
 * {@link InferenceEngine} on ONNX Runtime. Sessions use as many intra-op threads as the JVM has
 * processors and every graph optimisation.
 * <pre>{@code
 * try (InferenceEngine engine = new OrtInferenceEngine()) {
 *     InferenceSession s = engine.session(Paths.get("model.onnx"), DeviceChoice.AUTO);
 *     Tensor out = s.run(input, new long[] { 1, 3, 64, 64 });
 * }
 * }</pre>
 */
public final class OrtInferenceEngine implements InferenceEngine {

	private final Map<Key, OrtModelSession> sessions = new ConcurrentHashMap<>();

	@Override
	public InferenceSession session(final Path model, final DeviceChoice choice) {
		final Key key = Key.of(model, choice);
		return sessions.computeIfAbsent(key, k -> open(model, choice));
	}

	@Override
	public void close() {
		sessions.values().forEach(OrtModelSession::close);
		sessions.clear();
	}

	private static OrtModelSession open(final Path model, final DeviceChoice choice) {
		try {
			final DeviceSelector.Selection<OrtSession> s = DeviceSelector.select(choice, OrtEnvironments.availableDevices(), device -> create(model, device));
			return OrtModelSession.wrap(model, s.session, s.device, s.fallbacks);
		}
		catch (final OrtException e) {
			throw new ModelFormatException("ONNX Runtime cannot load model " + model + ": " + e.getMessage() + ". The file is corrupt, truncated or not an ONNX model: re-download or re-convert it.", e);
		}
		catch (final RuntimeException e) {
			throw e;
		}
		catch (final Exception e) {
			throw new InferenceException("Could not open model " + model + ": " + e.getMessage(), e);
		}
	}

	private static OrtSession create(final Path model, final Device device) throws OrtException {
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			if (device == Device.CUDA) options.addCUDA(0);
			if (device == Device.COREML) options.addCoreML();
			return OrtEnvironments.get().createSession(model.toString(), options);
		}
	}

	/** A model file as it is now on disk, so a replaced file gets a new session. */
	private static final class Key {
		final Path path;
		final long size, modified;
		final DeviceChoice choice;

		private Key(final Path path, final long size, final long modified, final DeviceChoice choice) {
			this.path = path;
			this.size = size;
			this.modified = modified;
			this.choice = choice;
		}

		static Key of(final Path model, final DeviceChoice choice) {
			if (!Files.isRegularFile(model)) throw new ModelFormatException("Model file not found: " + model + ". Check the path, or install the model.");
			try {
				final Path real = model.toRealPath();
				return new Key(real, Files.size(real), Files.getLastModifiedTime(real).toMillis(), choice);
			}
			catch (final IOException e) {
				throw new ModelFormatException("Cannot read model file " + model + ": " + e.getMessage(), e);
			}
		}

		@Override
		public boolean equals(final Object o) {
			if (!(o instanceof Key)) return false;
			final Key k = (Key) o;
			return path.equals(k.path) && size == k.size && modified == k.modified && choice == k.choice;
		}

		@Override
		public int hashCode() {
			return Objects.hash(path, size, modified, choice);
		}
	}
}
