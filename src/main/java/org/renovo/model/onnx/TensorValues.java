package org.renovo.model.onnx;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import ai.onnx.proto.OnnxMl.TensorProto;

/** The values of a constant float tensor, stored either as a repeated field or as raw little-endian bytes. */
final class TensorValues {

	private TensorValues() {}

	static float[] floats(final TensorProto t) {
		if (t.getFloatDataCount() > 0) {
			final float[] v = new float[t.getFloatDataCount()];
			for (int i = 0; i < v.length; i++) v[i] = t.getFloatData(i);
			return v;
		}
		final FloatBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
		final float[] v = new float[raw.remaining()];
		raw.get(v);
		return v;
	}
}
