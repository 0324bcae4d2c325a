package org.renovo.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import org.renovo.error.ModelFormatException;

/**
 * Rewrites operators that ONNX Runtime's CPU layout transformer cannot keep in its blocked (NCHWc)
 * layout into equivalent depthwise convolutions, which it can: a multiplication by a scalar (Real-ESRGAN
 * x4plus scales every residual block by 0.2) becomes a 1x1 depthwise convolution whose weights are that
 * scalar. Without it, every convolution after the first such block reorders its input into the blocked
 * layout and its output back (measured: 18 % of x4plus's time, bench/README.md). The values are the same:
 * one multiplication per element either way (the convolution has no bias).
 * <p>
 * Channel counts are followed through the graph as {@link ModelCost} does; a multiplication whose
 * operand's channels are unknown is left alone.
 */
public final class BlockedLayoutRewriter {

	private BlockedLayoutRewriter() {}

	/** The model with the rewrites applied; the same bytes when nothing applies. */
	public static byte[] rewrite(final byte[] onnx) {
		final ModelProto model;
		try {
			model = ModelProto.parseFrom(onnx);
		}
		catch (final InvalidProtocolBufferException e) {
			throw new ModelFormatException("Cannot read the ONNX model to optimise it: " + e.getMessage(), e);
		}
		final GraphProto.Builder graph = model.getGraph().toBuilder();
		if (rewrite(graph) == 0) return onnx;
		return model.toBuilder().setGraph(graph).build().toByteArray();
	}

	/** @return how many nodes were rewritten */
	static int rewrite(final GraphProto.Builder graph) {
		final Map<String, TensorProto> constants = new HashMap<>();
		for (final TensorProto t : graph.getInitializerList()) constants.put(t.getName(), t);
		final Map<String, Long> channels = new HashMap<>();
		for (final ValueInfoProto in : graph.getInputList()) {
			final var dims = in.getType().getTensorType().getShape().getDimList();
			if (dims.size() == 4 && dims.get(1).hasDimValue()) channels.put(in.getName(), dims.get(1).getDimValue());
		}
		final List<NodeProto> nodes = new ArrayList<>(graph.getNodeList());
		int rewritten = 0;
		for (int i = 0; i < nodes.size(); i++) {
			final NodeProto node = nodes.get(i);
			if (node.getOpType().equals("Mul") && node.getInputCount() == 2) {
				final int scalarAt = scalar(constants, node.getInput(0)) != null ? 0 : scalar(constants, node.getInput(1)) != null ? 1 : -1;
				final String x = scalarAt < 0 ? null : node.getInput(1 - scalarAt);
				if (x != null && channels.containsKey(x) && !constants.containsKey(x)) {
					final String weights = node.getOutput(0) + "/depthwise_scale";
					graph.addInitializer(filled(weights, channels.get(x), scalar(constants, node.getInput(scalarAt))));
					nodes.set(i, depthwise(node, x, weights, channels.get(x)));
					rewritten++;
				}
			}
			track(nodes.get(i), constants, channels);
		}
		graph.clearNode().addAllNode(nodes);
		if (rewritten > 0) dropUnused(graph);
		return rewritten;
	}

	/** NB: the scalars the multiplications used; ONNX Runtime warns about every unused initializer. */
	private static void dropUnused(final GraphProto.Builder graph) {
		final java.util.Set<String> used = new java.util.HashSet<>();
		for (final NodeProto n : graph.getNodeList()) used.addAll(n.getInputList());
		for (final ValueInfoProto out : graph.getOutputList()) used.add(out.getName());
		final List<TensorProto> kept = new ArrayList<>();
		for (final TensorProto t : graph.getInitializerList()) if (used.contains(t.getName())) kept.add(t);
		graph.clearInitializer().addAllInitializer(kept);
	}

	/** The channels of each node's output, where they can be known. */
	private static void track(final NodeProto node, final Map<String, TensorProto> constants, final Map<String, Long> channels) {
		Long c = null;
		switch (node.getOpType()) {
			case "Conv": {
				final TensorProto w = constants.get(node.getInput(1));
				c = w == null ? null : w.getDims(0);
				break;
			}
			case "ConvTranspose": {
				final TensorProto w = constants.get(node.getInput(1));
				c = w == null ? null : w.getDims(1) * attribute(node, "group", 1);
				break;
			}
			case "Concat": {
				long sum = 0;
				for (final String in : node.getInputList()) {
					if (!channels.containsKey(in)) { sum = -1; break; }
					sum += channels.get(in);
				}
				c = sum < 0 || attribute(node, "axis", 1) != 1 ? null : sum;
				break;
			}
			case "DepthToSpace": { final Long in = channels.get(node.getInput(0)); final long b = attribute(node, "blocksize", 1); c = in == null ? null : in / (b * b); break; }
			case "SpaceToDepth": { final Long in = channels.get(node.getInput(0)); final long b = attribute(node, "blocksize", 1); c = in == null ? null : in * b * b; break; }
			case "Shape": case "Cast": case "Floor": case "Constant": case "Gather": case "Unsqueeze": case "Reshape": case "Flatten": case "Gemm": case "MatMul": break;
			default:
				for (final String in : node.getInputList())
					if (channels.containsKey(in)) { c = channels.get(in); break; }
		}
		if (c != null) channels.put(node.getOutput(0), c);
	}

	private static Float scalar(final Map<String, TensorProto> constants, final String name) {
		final TensorProto t = constants.get(name);
		if (t == null || t.getDataType() != TensorProto.DataType.FLOAT.getNumber()) return null;
		long n = 1;
		for (final long d : t.getDimsList()) n *= d;
		if (n != 1) return null;
		if (t.getFloatDataCount() == 1) return t.getFloatData(0);
		final ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		return raw.remaining() == Float.BYTES ? raw.getFloat(0) : null;
	}

	private static TensorProto filled(final String name, final long channels, final float value) {
		final ByteBuffer raw = ByteBuffer.allocate((int) channels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < channels; i++) raw.putFloat(value);
		raw.flip();
		return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber()).addDims(channels).addDims(1).addDims(1).addDims(1)
			.setRawData(ByteString.copyFrom(raw)).build();
	}

	private static NodeProto depthwise(final NodeProto mul, final String x, final String weights, final long channels) {
		return NodeProto.newBuilder().setOpType("Conv").setName(mul.getName().isEmpty() ? mul.getOutput(0) + "/depthwise" : mul.getName() + "/depthwise")
			.addInput(x).addInput(weights).addOutput(mul.getOutput(0))
			.addAttribute(AttributeProto.newBuilder().setName("group").setType(AttributeProto.AttributeType.INT).setI(channels))
			.addAttribute(AttributeProto.newBuilder().setName("kernel_shape").setType(AttributeProto.AttributeType.INTS).addInts(1).addInts(1))
			.build();
	}

	private static long attribute(final NodeProto node, final String name, final long fallback) {
		for (final AttributeProto a : node.getAttributeList())
			if (a.getName().equals(name)) return a.getI();
		return fallback;
	}
}
