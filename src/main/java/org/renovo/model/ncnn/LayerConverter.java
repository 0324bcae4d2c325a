package org.renovo.model.ncnn;

/**
 * Converts one ncnn layer type into ONNX nodes. {@link #unsupported} is asked for every layer before any
 * weight is read, so that one error can list everything a model needs that the converter lacks.
 */
interface LayerConverter {

	/** Why this layer cannot be converted, or null when it can. Reads parameters only; never throws. */
	default String unsupported(final ParamDict p, final NcnnLayer layer) {
		return null;
	}

	/** Reads the layer's weights in ncnn's order, emits its nodes and binds its outputs. */
	void convert(Conversion c);
}
