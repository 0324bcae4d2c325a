package org.renovo.engine;

import java.nio.FloatBuffer;

/** A float tensor copied out of ONNX Runtime: owned by the caller, no native memory behind it. */
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
