package org.renovo.engine;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * An opened model on one device. Owned by the {@link InferenceEngine} that made it: callers never
 * close it. {@link #run} is thread-safe.
 */
public interface InferenceSession {

	/** The device that runs this session. */
	Device device();

	/** Why devices tried before {@link #device()} were passed over; empty when the first choice ran. */
	List<String> fallbacks();

	ModelSignature signature();

	/**
	 * Runs the model on one tensor of {@code shape}, read from {@code input}'s position to its limit
	 * (direct and native-order avoids a copy).
	 *
	 * @throws org.renovo.error.InferenceException naming the shape and what ONNX Runtime said
	 */
	Tensor run(FloatBuffer input, long[] shape);
}
