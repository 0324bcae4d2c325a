package org.renovo.model.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;


import org.renovo.error.ModelFormatException;

/**
 * What one input pixel costs an image-to-image model: multiply-adds, counted from the graph's
 * convolutions, and the largest feature map, in bytes. Both scale with the tile's area, so they decide
 * the tile size a memory budget allows and the GFLOP/s a run achieves.
 * <p>
 * The graph is walked in its (topological) order, tracking each tensor's channels and its spatial scale
 * relative to the input: convolutions divide by their stride, transposed convolutions, depth-to-space and
 * resizes multiply. A convolution costs {@code scale² × ∏ weight dims} multiply-adds per input pixel
 * (its weight {@code [Cout, Cin/groups, kh, kw]} is exactly the multiply-adds of one output pixel). Other
 * operators (activations, additions, concatenations) are counted in no MACs: they are a few percent of a
 * convolution network's work. Written by hand: no reachable library counts ONNX FLOPs in Java.
 */
public final class ModelCost {

	private final double macs, peakBytes;
	private final List<String> uncounted;

	private ModelCost(final double macs, final double peakBytes, final List<String> uncounted) {
		this.macs = macs;
		this.peakBytes = peakBytes;
		this.uncounted = uncounted;
	}

	/** @throws ModelFormatException when the file is no readable ONNX model */
	public static ModelCost of(final Path model) {
		return of(OnnxGraphs.read(model));
	}

	static ModelCost of(final GraphProto graph) {
		final Map<String, TensorProto> constants = new HashMap<>();
		for (final TensorProto t : graph.getInitializerList()) constants.put(t.getName(), t);
		final Map<String, double[]> shapes = new HashMap<>(); // name -> {channels, scale}
		for (final ValueInfoProto input : graph.getInputList())
			if (!constants.containsKey(input.getName())) shapes.put(input.getName(), new double[] { channelsOf(input), 1 });
		double macs = 0, peak = 0;
		final TreeSet<String> uncounted = new TreeSet<>();
		for (final NodeProto node : graph.getNodeList()) {
			if (node.getOpType().equals("Constant")) {
				for (final AttributeProto a : node.getAttributeList()) if (a.hasT()) constants.put(node.getOutput(0), a.getT());
				continue;
			}
			final double[] in = firstShape(node, shapes);
			if (in == null) continue; // a computation on constants only
			double channels = in[0], scale = in[1];
			switch (node.getOpType()) {
				case "Conv": {
					final TensorProto w = constants.get(node.getInput(1));
					if (w == null) { uncounted.add("Conv with computed weights"); break; }
					scale = scale / stride(node);
					channels = w.getDims(0);
					macs += scale * scale * product(w);
					break;
				}
				case "ConvTranspose": {
					final TensorProto w = constants.get(node.getInput(1));
					if (w == null) { uncounted.add("ConvTranspose with computed weights"); break; }
					macs += scale * scale * product(w);
					scale = scale * stride(node);
					channels = w.getDims(1) * NodeAttributes.integer(node, "group", 1);
					break;
				}
				case "DepthToSpace": { final long b = NodeAttributes.integer(node, "blocksize", 1); scale *= b; channels /= b * b; break; }
				case "SpaceToDepth": { final long b = NodeAttributes.integer(node, "blocksize", 1); scale /= b; channels *= b * b; break; }
				case "Resize": case "Upsample": scale *= resizeFactor(node, constants); break;
				case "MaxPool": case "AveragePool": scale /= stride(node); break;
				case "Concat": channels = concatChannels(node, shapes); break;
				case "MatMul": case "Gemm": uncounted.add(node.getOpType()); break;
				default: break;
			}
			peak = Math.max(peak, channels * scale * scale * Float.BYTES);
			for (final String out : node.getOutputList()) shapes.put(out, new double[] { channels, scale });
		}
		return new ModelCost(macs, peak, new ArrayList<>(uncounted));
	}

	/** Multiply-adds per input pixel. */
	public double macsPerInputPixel() { return macs; }

	/** Floating-point operations per input pixel: two per multiply-add. */
	public double flopsPerInputPixel() { return 2 * macs; }

	/** The largest single feature map, in bytes per input pixel (float32). */
	public double peakActivationBytesPerInputPixel() { return peakBytes; }

	/** Operators whose work is not counted (never convolutions with constant weights). */
	public List<String> uncounted() { return List.copyOf(uncounted); }

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "ModelCost[%.3f GFLOP per input pixel, peak feature map %.0f bytes per input pixel%s]",
			flopsPerInputPixel() / 1e9, peakBytes, uncounted.isEmpty() ? "" : ", uncounted " + uncounted);
	}

	private static double[] firstShape(final NodeProto node, final Map<String, double[]> shapes) {
		for (final String in : node.getInputList())
			if (shapes.containsKey(in)) return shapes.get(in);
		return null;
	}

	private static double concatChannels(final NodeProto node, final Map<String, double[]> shapes) {
		double c = 0;
		for (final String in : node.getInputList())
			if (shapes.containsKey(in)) c += shapes.get(in)[0];
		return c;
	}

	private static int channelsOf(final ValueInfoProto input) {
		final var dims = input.getType().getTensorType().getShape().getDimList();
		return dims.size() > 1 && dims.get(1).hasDimValue() ? (int) dims.get(1).getDimValue() : 3;
	}

	private static double product(final TensorProto w) {
		double p = 1;
		for (final long d : w.getDimsList()) p *= d;
		return p;
	}

	private static double stride(final NodeProto node) {
		return NodeAttributes.first(node, "strides", 1);
	}

	/** The height factor of a Resize or Upsample whose scales are a constant, else 1 (and so not counted). */
	private static double resizeFactor(final NodeProto node, final Map<String, TensorProto> constants) {
		final int index = node.getOpType().equals("Upsample") ? 1 : 2;
		if (node.getInputCount() <= index) return 1;
		final TensorProto scales = constants.get(node.getInput(index));
		if (scales == null) return 1;
		final float[] values = TensorValues.floats(scales);
		return values.length == 4 ? values[2] : 1;
	}
}
