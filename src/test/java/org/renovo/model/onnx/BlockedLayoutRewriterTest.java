package org.renovo.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceSession;
import org.renovo.testing.SharedPipeline;

/** Scalar multiplications become depthwise convolutions, and the model computes exactly the same. */
class BlockedLayoutRewriterTest {

	@TempDir Path dir;

	@Test
	void aScaledResidualBecomesADepthwiseConvolutionWithTheSameValues() throws Exception {
		// x -> conv 3->8 -> (* 0.2) -> + conv -> conv 8->3, as Real-ESRGAN's residual scaling
		final OnnxGraphBuilder g = new OnnxGraphBuilder("scaled");
		final String x = g.input("input", 3);
		final String a = conv(g, x, 3, 8, 1);
		final String scaled = g.node("Mul", Arrays.asList(a, g.constant("s", new float[] { 0.2f })));
		final String sum = g.node("Add", Arrays.asList(scaled, conv(g, a, 8, 8, 2)));
		g.output(conv(g, sum, 8, 3, 3), 3);
		final byte[] before = g.toBytes(), after = BlockedLayoutRewriter.rewrite(before);
		final GraphProto graph = ModelProto.parseFrom(after).getGraph();
		assertEquals(0, graph.getNodeList().stream().filter(n -> n.getOpType().equals("Mul")).count());
		final NodeProto dw = graph.getNodeList().stream().filter(n -> n.getName().endsWith("/depthwise")).findFirst().orElseThrow();
		assertEquals(8, dw.getAttributeList().stream().filter(t -> t.getName().equals("group")).findFirst().orElseThrow().getI());
		assertEquals(false, graph.getInitializerList().stream().anyMatch(t -> t.getName().equals("s")), "the unused scalar is dropped");
		assertArrayEquals(run(before, "before"), run(after, "after"));
	}

	@Test
	void ncnnsBicubicHalvingBecomesAStridedDepthwiseConvolution() throws Exception {
		// conv 3->48, depth-to-space x4 (even sizes), then the bicubic halving as the ncnn importer writes it
		final OnnxGraphBuilder g = new OnnxGraphBuilder("x4-then-half");
		final String x4 = g.node("DepthToSpace", conv(g, g.input("input", 3), 3, 48, 4), OnnxGraphBuilder.integer("blocksize", 4), OnnxGraphBuilder.text("mode", "CRD"));
		final String half = halving(g, x4);
		g.output(half, 3);
		final byte[] before = g.toBytes(), after = BlockedLayoutRewriter.rewrite(before);
		final GraphProto graph = ModelProto.parseFrom(after).getGraph();
		assertEquals(0, graph.getNodeList().stream().filter(n -> n.getOpType().equals("Resize")).count());
		final float[] a = run(before, "cubic"), b = run(after, "conv");
		assertEquals(3 * 74 * 82, a.length);
		float max = 0;
		for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
		assertEquals(0, max, 1e-5, "largest difference, borders included");
		// without the proof of even sizes the Resize stays
		final OnnxGraphBuilder odd = new OnnxGraphBuilder("odd");
		odd.output(halving(odd, conv(odd, odd.input("input", 3), 3, 3, 5)), 3);
		assertEquals(1, ModelProto.parseFrom(BlockedLayoutRewriter.rewrite(odd.toBytes())).getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Resize")).count());
	}

	/** ncnn's Interp bicubic at scale 0.5 as the importer writes it: sizes floor(shape * 0.5), cubic, half-pixel. */
	private static String halving(final OnnxGraphBuilder g, final String x) {
		final String shape = g.node("Shape", Arrays.asList(x), OnnxGraphBuilder.integer("start", 2), OnnxGraphBuilder.integer("end", 4));
		final String scaled = g.node("Mul", Arrays.asList(g.node("Cast", Arrays.asList(shape), OnnxGraphBuilder.integer("to", 1)), g.constant("half" + x, new float[] { 0.5f, 0.5f }, 2)));
		final String sizes = g.node("Concat", Arrays.asList(g.constantLongs("bc" + x, new long[] { 1, 3 }, 2),
			g.node("Cast", Arrays.asList(g.node("Floor", Arrays.asList(scaled))), OnnxGraphBuilder.integer("to", 7))), OnnxGraphBuilder.integer("axis", 0));
		return g.node("Resize", Arrays.asList(x, "", "", sizes), OnnxGraphBuilder.text("mode", "cubic"), OnnxGraphBuilder.text("coordinate_transformation_mode", "half_pixel"),
			OnnxGraphBuilder.real("cubic_coeff_a", -0.75f), OnnxGraphBuilder.integer("exclude_outside", 0));
	}

	@Test
	void modelsWithoutScalarMultiplicationsAreLeftAsTheyAre() {
		final OnnxGraphBuilder g = new OnnxGraphBuilder("plain");
		g.output(conv(g, g.input("input", 3), 3, 3, 1), 3);
		final byte[] bytes = g.toBytes();
		assertSame(bytes, BlockedLayoutRewriter.rewrite(bytes));
	}

	private float[] run(final byte[] model, final String name) throws Exception {
		final Path file = dir.resolve(name + ".onnx");
		Files.write(file, model);
		final InferenceSession s = SharedPipeline.engine().session(file, DeviceChoice.CPU);
		final FloatBuffer in = ByteBuffer.allocateDirect(3 * 37 * 41 * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
		final Random r = new Random(2);
		for (int i = 0; i < 3 * 37 * 41; i++) in.put(i, r.nextFloat());
		final FloatBuffer out = s.run(in, new long[] { 1, 3, 37, 41 }).data();
		final float[] values = new float[out.remaining()];
		out.duplicate().get(values);
		return values;
	}

	private static String conv(final OnnxGraphBuilder g, final String x, final int in, final int out, final int seed) {
		final Random r = new Random(seed);
		final float[] w = new float[out * in * 9];
		for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
		return g.node("Conv", Arrays.asList(x, g.constant("w" + seed, w, out, in, 3, 3)), OnnxGraphBuilder.ints("pads", 1, 1, 1, 1), OnnxGraphBuilder.ints("kernel_shape", 3, 3));
	}
}
