package org.renovo.engine;

import java.nio.FloatBuffer;

/**
 * A float tensor out of ONNX Runtime, owned by the caller and not by ONNX Runtime: either a copy on the
 * heap, or the caller's own buffer that a pinned run wrote into.
 */
public final class Tensor {

	private final FloatBuffer data;
	private final long[] shape;

	public Tensor(final FloatBuffer data, final long[] shape) {
		this.data = data;
		this.shape = shape.clone();
	}

	public FloatBuffer data() { return data; }
	public long[] shape() { return shape.clone(); }
}
