package org.renovo.model.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Builds an ONNX image model in memory with the ONNX protobuf classes: inputs and outputs are float
 * {@code [1, C, height, width]} with symbolic height and width. Used for the generated demo and test
 * models, and by model importers.
 * <pre>{@code
 * OnnxGraphBuilder g = new OnnxGraphBuilder("blur");
 * String x = g.input("input", 1);
 * String y = g.node("Conv", Arrays.asList(x, g.constant("w", kernel, 1, 1, 3, 3)), OnnxGraphBuilder.ints("pads", 1, 1, 1, 1));
 * g.output(y, 1);
 * g.write(path);
 * }</pre>
 * Not thread-safe.
 */
public final class OnnxGraphBuilder {

	/** NB: opset 17 has every operator the upscaler models use and runs on any ONNX Runtime since 1.13. */
	public static final int OPSET = 17;

	private final GraphProto.Builder graph = GraphProto.newBuilder();
	private int counter;

	public OnnxGraphBuilder(final String name) {
		graph.setName(name);
	}

	/** Declares an image input of {@code channels}; returns its name. */
	public String input(final String name, final int channels) {
		graph.addInput(imageValue(name, channels));
		return name;
	}

	/** Declares {@code name} an image output of {@code channels}. */
	public void output(final String name, final int channels) {
		graph.addOutput(imageValue(name, channels));
	}

	/** Adds a float initializer of the given dims (none: a scalar); returns its name. */
	public String constant(final String name, final float[] values, final long... dims) {
		final TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
		for (final long d : dims) t.addDims(d);
		// NB: raw little-endian bytes, as ONNX specifies; a repeated float field costs 3x the time for large weights.
		final ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		raw.asFloatBuffer().put(values);
		t.setRawData(ByteString.copyFrom(raw));
		graph.addInitializer(t);
		return name;
	}

	/** Adds an int64 initializer of the given dims; returns its name. */
	public String constantLongs(final String name, final long[] values, final long... dims) {
		final TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
		for (final long d : dims) t.addDims(d);
		for (final long v : values) t.addInt64Data(v);
		graph.addInitializer(t);
		return name;
	}

	/** Adds a node with one output; returns the output's (generated) name. Empty input names skip optional inputs. */
	public String node(final String op, final List<String> inputs, final AttributeProto... attributes) {
		final String out = op.toLowerCase() + "_" + counter++;
		graph.addNode(NodeProto.newBuilder().setOpType(op).setName(out).addAllInput(inputs).addOutput(out).addAllAttribute(Arrays.asList(attributes)));
		return out;
	}

	public String node(final String op, final String input, final AttributeProto... attributes) {
		return node(op, Arrays.asList(input), attributes);
	}

	public static AttributeProto ints(final String name, final long... values) {
		final AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
		for (final long v : values) a.addInts(v);
		return a.build();
	}

	public static AttributeProto integer(final String name, final long value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
	}

	public static AttributeProto real(final String name, final float value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
	}

	public static AttributeProto text(final String name, final String value) {
		return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(value)).build();
	}

	public byte[] toBytes() {
		return ModelProto.newBuilder().setIrVersion(8).setProducerName("renovo").addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(graph).build().toByteArray();
	}

	/** Writes the model to {@code path} through a temporary file, so a reader never sees half a model. */
	public void write(final Path path) throws IOException {
		final Path dir = path.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, ".renovo-", ".onnx.part");
		try (OutputStream out = Files.newOutputStream(tmp)) {
			out.write(toBytes());
		}
		Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static ValueInfoProto imageValue(final String name, final int channels) {
		final TensorShapeProto shape = TensorShapeProto.newBuilder()
			.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
			.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(channels))
			.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("height"))
			.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("width")).build();
		final TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
		return ValueInfoProto.newBuilder().setName(name).setType(type).build();
	}
}
