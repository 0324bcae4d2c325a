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

	/**
	 * Like {@link #run(FloatBuffer, long[])}, but the output goes straight into the caller's
	 * {@code output} (direct, native-order, at least as large as {@code outputShape}), which the returned
	 * tensor then wraps from index 0: no allocation and no copy per call, and the tensor is valid until
	 * the caller reuses {@code output}. A model whose output does not have {@code outputShape} gets a
	 * plain {@link #run(FloatBuffer, long[])} instead, so callers still see the shape it gave. The default
	 * implementation always runs plainly.
	 *
	 * @throws org.renovo.error.InferenceException as {@link #run(FloatBuffer, long[])} does
	 */
	default Tensor run(final FloatBuffer input, final long[] shape, final FloatBuffer output, final long[] outputShape) {
		return run(input, shape);
	}
}
