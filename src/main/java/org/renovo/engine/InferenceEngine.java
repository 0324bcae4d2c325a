package org.renovo.engine;

import java.nio.file.Path;

/**
 * Opens models and keeps them open: one session per model file (path, size and modification time)
 * and device choice, reused by every later run until {@link #close()}. Thread-safe.
 */
public interface InferenceEngine extends AutoCloseable {

	/**
	 * The session for {@code model} on the first device of {@code choice} that starts.
	 *
	 * @throws org.renovo.error.ModelFormatException when the file is missing, is not a valid ONNX model,
	 *         or has other than one float input of rank 4
	 */
	InferenceSession session(Path model, DeviceChoice choice);

	/** Closes every cached session. */
	@Override
	void close();
}
