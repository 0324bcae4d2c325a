package org.renovo.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Likewise a bicubic halving (realesr-animevideov3-x2 runs the x4 network and shrinks its result with
 * ncnn's bicubic Interp) becomes an edge pad and a 4x4 depthwise convolution of stride 2: at scale 0.5
 * with half-pixel centres every output sample sits exactly between two inputs, so the Keys kernel
 * (a = -0.75) always weighs the four inputs -0.09375, 0.59375, 0.59375, -0.09375, and coordinates
 * past the edge clamp to it (exclude_outside = 0), which the edge pad reproduces. Applied only where the
 * graph proves the input's height and width even (the scale is then exactly 0.5), and only to ncnn's
 * size computation {@code floor(shape * 0.5)}; ONNX Runtime's generic resize took a fifth of that model's time.
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
		final Map<String, Long> multiples = new HashMap<>();
		final Map<String, NodeProto> producers = new HashMap<>();
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
			else if (halvingCubic(node, constants, producers, channels, multiples)) {
				final long c = channels.get(node.getInput(0));
				final String pads = node.getOutput(0) + "/edge_pads", padded = node.getOutput(0) + "/padded", weights = node.getOutput(0) + "/cubic_half";
				graph.addInitializer(TensorProto.newBuilder().setName(pads).setDataType(TensorProto.DataType.INT64.getNumber()).addDims(8)
					.addAllInt64Data(java.util.List.of(0L, 0L, 1L, 1L, 0L, 0L, 1L, 1L)).build());
				graph.addInitializer(cubicHalf(weights, c));
				nodes.set(i, NodeProto.newBuilder().setOpType("Pad").setName(node.getOutput(0) + "/pad").addInput(node.getInput(0)).addInput(pads).addOutput(padded)
					.addAttribute(AttributeProto.newBuilder().setName("mode").setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8("edge"))).build());
				nodes.add(i + 1, NodeProto.newBuilder().setOpType("Conv").setName(node.getOutput(0) + "/depthwise").addInput(padded).addInput(weights).addOutput(node.getOutput(0))
					.addAttribute(AttributeProto.newBuilder().setName("group").setType(AttributeProto.AttributeType.INT).setI(c))
					.addAttribute(AttributeProto.newBuilder().setName("kernel_shape").setType(AttributeProto.AttributeType.INTS).addInts(4).addInts(4))
					.addAttribute(AttributeProto.newBuilder().setName("strides").setType(AttributeProto.AttributeType.INTS).addInts(2).addInts(2)).build());
				channels.put(padded, c);
				i++;
				rewritten++;
			}
			track(nodes.get(i), constants, channels);
			trackMultiple(nodes.get(i), constants, multiples);
			for (final String out : nodes.get(i).getOutputList()) producers.put(out, nodes.get(i));
		}
		graph.clearNode().addAllNode(nodes);
		if (rewritten > 0) dropUnused(graph);
		return rewritten;
	}

	static final float[] CUBIC_HALF = { -0.09375f, 0.59375f, 0.59375f, -0.09375f };

	private static TensorProto cubicHalf(final String name, final long channels) {
		final ByteBuffer raw = ByteBuffer.allocate((int) channels * 16 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (int c = 0; c < channels; c++)
			for (int y = 0; y < 4; y++)
				for (int x = 0; x < 4; x++) raw.putFloat(CUBIC_HALF[y] * CUBIC_HALF[x]);
		raw.flip();
		return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber()).addDims(channels).addDims(1).addDims(4).addDims(4)
			.setRawData(ByteString.copyFrom(raw)).build();
	}

	/**
	 * A Resize that is ncnn's bicubic halving: cubic, half-pixel, Keys a = -0.75, edge clamping, its sizes
	 * {@code floor(shape(x)[2:4] * [0.5, 0.5])} of its own input, whose channels are known and whose height
	 * and width are even.
	 */
	private static boolean halvingCubic(final NodeProto node, final Map<String, TensorProto> constants, final Map<String, NodeProto> producers,
		final Map<String, Long> channels, final Map<String, Long> multiples)
	{
		if (!node.getOpType().equals("Resize") || node.getInputCount() != 4 || !channels.containsKey(node.getInput(0))) return false;
		if (!NodeAttributes.text(node, "mode", "nearest").equals("cubic") || !NodeAttributes.text(node, "coordinate_transformation_mode", "half_pixel").equals("half_pixel")) return false;
		if (NodeAttributes.real(node, "cubic_coeff_a", -0.75f) != -0.75f || NodeAttributes.integer(node, "exclude_outside", 0) != 0) return false;
		if (multiples.getOrDefault(node.getInput(0), 1L) % 2 != 0) return false;
		final NodeProto concat = producers.get(node.getInput(3));
		if (concat == null || !concat.getOpType().equals("Concat") || concat.getInputCount() != 2) return false;
		final NodeProto toLong = producers.get(concat.getInput(1)), floor = toLong == null ? null : producers.get(toLong.getInput(0));
		final NodeProto mul = floor == null || !floor.getOpType().equals("Floor") ? null : producers.get(floor.getInput(0));
		if (mul == null || !mul.getOpType().equals("Mul")) return false;
		final TensorProto half = constants.get(mul.getInput(1));
		final NodeProto toFloat = producers.get(mul.getInput(0)), shape = toFloat == null ? null : producers.get(toFloat.getInput(0));
		return half != null && Arrays.equals(TensorValues.floats(half), new float[] { 0.5f, 0.5f }) && shape != null && shape.getOpType().equals("Shape")
			&& shape.getInput(0).equals(node.getInput(0)) && NodeAttributes.integer(shape, "start", 0) == 2 && toLong.getOpType().equals("Cast") && toFloat.getOpType().equals("Cast");
	}

	/** What the height and width of each tensor are surely a multiple of: depth-to-space and whole-number upsampling multiply it. */
	private static void trackMultiple(final NodeProto node, final Map<String, TensorProto> constants, final Map<String, Long> multiples) {
		long m = 1;
		for (final String in : node.getInputList()) m = Math.max(m, multiples.getOrDefault(in, 1L));
		switch (node.getOpType()) {
			case "DepthToSpace": m = multiples.getOrDefault(node.getInput(0), 1L) * NodeAttributes.integer(node, "blocksize", 1); break;
			case "Resize": {
				final TensorProto scales = node.getInputCount() > 2 ? constants.get(node.getInput(2)) : null;
				final float[] s = scales == null ? new float[0] : TensorValues.floats(scales);
				m = s.length == 4 && s[2] == Math.rint(s[2]) && s[2] >= 1 && s[2] == s[3] ? multiples.getOrDefault(node.getInput(0), 1L) * (long) s[2] : 1;
				break;
			}
			case "Conv": case "MaxPool": case "AveragePool": case "SpaceToDepth": case "Pad": case "Slice": case "Crop": m = 1; break;
			default: break;
		}
		// NB: a stride-1 convolution keeps the size, but only with symmetric "same" padding; not worth proving.
		if (m > 1) multiples.put(node.getOutput(0), m);
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
				c = w == null ? null : w.getDims(1) * NodeAttributes.integer(node, "group", 1);
				break;
			}
			case "Concat": {
				long sum = 0;
				for (final String in : node.getInputList()) {
					if (!channels.containsKey(in)) { sum = -1; break; }
					sum += channels.get(in);
				}
				c = sum < 0 || NodeAttributes.integer(node, "axis", 1) != 1 ? null : sum;
				break;
			}
			case "DepthToSpace": { final Long in = channels.get(node.getInput(0)); final long b = NodeAttributes.integer(node, "blocksize", 1); c = in == null ? null : in / (b * b); break; }
			case "SpaceToDepth": { final Long in = channels.get(node.getInput(0)); final long b = NodeAttributes.integer(node, "blocksize", 1); c = in == null ? null : in * b * b; break; }
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
		final float[] v = TensorValues.floats(t);
		return v.length == 1 ? v[0] : null;
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

}
