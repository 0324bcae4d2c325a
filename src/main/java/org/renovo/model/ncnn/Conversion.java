package org.renovo.model.ncnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.AttributeProto;

import org.renovo.error.ModelFormatException;
import org.renovo.model.onnx.OnnxGraphBuilder;

/**
 * The state of one conversion: the ONNX graph being built, the weights being read, and what each ncnn
 * blob has become. Layer converters read their layer's inputs with {@link #in(int)}, emit nodes with
 * {@link #node}, and bind their outputs with {@link #out}. Errors name the file, line and layer.
 * Not thread-safe; one per conversion.
 */
final class Conversion {

	/**
	 * What an ncnn blob is in the ONNX graph. A 3-D ncnn blob {@code [w,h,c]} is {@code [1,C,H,W]}; a
	 * 1-D blob of length N (global pooling, InnerProduct) is {@code [1,N,1,1]}, so ncnn's per-channel
	 * broadcast of a 1-D blob against a 3-D one is ONNX's ordinary broadcast.
	 */
	static final class Blob {
		final String name;
		final int rank, channels;

		Blob(final String name, final int rank, final int channels) {
			this.name = name;
			this.rank = rank;
			this.channels = channels;
		}

		Blob as(final String onnxName) {
			return new Blob(onnxName, rank, channels);
		}

		Blob withChannels(final String onnxName, final int c) {
			return new Blob(onnxName, rank, c);
		}

		@Override
		public String toString() {
			return (rank == 3 ? "[" + channels + ",h,w]" : "[" + channels + "]");
		}
	}

	final OnnxGraphBuilder g;
	private final String file;
	private final NcnnWeightReader weights;
	private final Map<String, Blob> blobs = new HashMap<>();
	private NcnnLayer layer;
	private int counter;

	Conversion(final OnnxGraphBuilder g, final String file, final NcnnWeightReader weights) {
		this.g = g;
		this.file = file;
		this.weights = weights;
	}

	void begin(final NcnnLayer l) {
		layer = l;
	}

	NcnnLayer layer() { return layer; }
	ParamDict params() { return layer.params(); }
	int inputCount() { return layer.inputs().size(); }

	/** What input {@code i} of the current layer is. */
	Blob in(final int i) {
		return blobs.get(layer.inputs().get(i));
	}

	/** Input {@code i}, which must be a 3-D feature map. */
	Blob map(final int i) {
		final Blob b = in(i);
		if (b.rank != 3) throw error("input '" + layer.inputs().get(i) + "' is a 1-D blob " + b + "; this layer is converted for 3-D feature maps only");
		return b;
	}

	void out(final int i, final Blob b) {
		blobs.put(layer.outputs().get(i), b);
	}

	/** Binds every output of the current layer to {@code b} (one output, or a fan-out). */
	void outAll(final Blob b) {
		for (int i = 0; i < layer.outputs().size(); i++)
			out(i, b);
	}

	Blob blob(final String ncnnName) {
		return blobs.get(ncnnName);
	}

	/** Requires {@code n} inputs and {@code m} outputs (-1: any number, at least one). */
	void arity(final int n, final int m) {
		final int ni = layer.inputs().size(), no = layer.outputs().size();
		if (n >= 0 && ni != n || n < 0 && ni < 1) throw error("has " + ni + " input(s), expected " + (n < 0 ? "at least 1" : n));
		if (m >= 0 && no != m || m < 0 && no < 1) throw error("has " + no + " output(s), expected " + (m < 0 ? "at least 1" : m));
	}

	NcnnWeightReader.Weights load(final int count, final int type, final String role) {
		return weights.load(count, type, layer.describe() + ": " + role);
	}

	/** Float weights of a layer, refusing int8-quantized storage, which needs scales this converter does not apply. */
	float[] loadFloats(final int count, final int type, final String role) {
		final NcnnWeightReader.Weights w = load(count, type, role);
		if (w.storage == NcnnWeightReader.Storage.INT8) throw error(role + " is stored as int8; quantized ncnn models are not supported: use the fp32 or fp16 model");
		return w.values;
	}

	String node(final String op, final List<String> inputs, final AttributeProto... attributes) {
		return g.node(op, inputs, attributes);
	}

	String node(final String op, final String input, final AttributeProto... attributes) {
		return g.node(op, input, attributes);
	}

	String node2(final String op, final String a, final String b, final AttributeProto... attributes) {
		return g.node(op, Arrays.asList(a, b), attributes);
	}

	/** A float initializer, uniquely named after the layer and its role. */
	String floats(final String role, final float[] values, final long... dims) {
		return g.constant(unique(role), values, dims);
	}

	String scalar(final float v) {
		return g.constant(unique("scalar"), new float[] { v });
	}

	/** A 1-D int64 initializer. */
	String longs(final String role, final long... values) {
		return g.constantLongs(unique(role), values, values.length);
	}

	/** The layer's float arrays, checked to hold at least {@code n} elements. */
	float[] floatArray(final int id, final int n, final String what) {
		final float[] a = params().getFloats(id);
		if (a.length < n) throw error(what + " (parameter " + id + ") needs " + n + " value(s), has " + a.length);
		return a;
	}

	/** A positive int parameter. */
	int positive(final int id, final int fallback, final String what) {
		final int v = params().getInt(id, fallback);
		if (v <= 0) throw error(what + " (parameter " + id + ") must be positive, got " + v);
		return v;
	}

	ModelFormatException error(final String problem) {
		return new ModelFormatException(file + ": " + layer.describe() + ": " + problem + ".");
	}

	private String unique(final String role) {
		return layer.name() + "/" + role + "#" + counter++;
	}

	static List<String> list(final String... names) {
		return new ArrayList<>(Arrays.asList(names));
	}
}
