package org.renovo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.renovo.model.onnx.OnnxGraphBuilder;
import org.renovo.tiling.ModelGeometry;

/**
 * A stand-in for Real-ESRGAN's compact models (SRVGGNetCompact: realesr-animevideov3, realesrgan-x4fast),
 * generated with seeded random weights because no weights can be downloaded here: the same layers and
 * shapes, so ONNX Runtime does the same work per pixel.
 * <pre>
 * x ─ Conv 3→64 3×3 ─ PReLU ─ 16 × (Conv 64→64 3×3 ─ PReLU) ─ Conv 64→3·s² 3×3 ─ DepthToSpace(s, CRD) ─ + ─ y
 *  └──────────────────────────── Resize nearest ×s ───────────────────────────────────────────────────┘
 * </pre>
 * Weights are He-scaled (so activations neither vanish nor explode through 18 layers); the last
 * convolution is scaled down, so the output is the nearest-neighbour upscale plus a small residual.
 */
public final class SrvggModel {

	public static final int FEATURES = 64, BODY_CONVS = 16, SCALE = 4;
	/** NB: 18 same-padded 3×3 convolutions, each sees one input pixel further; Resize and DepthToSpace add nothing. */
	public static final int RADIUS = BODY_CONVS + 2;
	/** NB: PyTorch's PReLU default slope. */
	private static final float SLOPE = 0.25f;
	/** NB: keeps the residual small against the upscaled input, as a trained model's is. */
	private static final float LAST_GAIN = 0.1f;

	private SrvggModel() {}

	/** The declared geometry: ×4, radius 18, no border loss, any input size. */
	public static ModelGeometry geometry() {
		return ModelGeometry.of(SCALE, RADIUS, 0, 1);
	}

	public static void write(final Path path, final long seed) throws IOException {
		final Random random = new Random(seed);
		final OnnxGraphBuilder g = new OnnxGraphBuilder("srvgg-compact-x" + SCALE);
		final String x = g.input("input", 3);
		String y = prelu(g, conv(g, x, 0, 3, FEATURES, 1, random), 0);
		for (int i = 1; i <= BODY_CONVS; i++)
			y = prelu(g, conv(g, y, i, FEATURES, FEATURES, 1, random), i);
		y = conv(g, y, BODY_CONVS + 1, FEATURES, 3 * SCALE * SCALE, LAST_GAIN, random);
		y = g.node("DepthToSpace", y, OnnxGraphBuilder.integer("blocksize", SCALE), OnnxGraphBuilder.text("mode", "CRD"));
		g.output(g.node("Add", Arrays.asList(y, upscaled(g, x))), 3);
		g.write(path);
	}

	private static String conv(final OnnxGraphBuilder g, final String x, final int layer, final int in, final int out, final float gain, final Random random) {
		final String w = g.constant("conv" + layer + ".weight", heWeights(in, out, gain, random), out, in, 3, 3);
		final String b = g.constant("conv" + layer + ".bias", new float[out], out);
		return g.node("Conv", Arrays.asList(x, w, b), OnnxGraphBuilder.ints("kernel_shape", 3, 3), OnnxGraphBuilder.ints("pads", 1, 1, 1, 1));
	}

	private static String prelu(final OnnxGraphBuilder g, final String x, final int layer) {
		final float[] slopes = new float[FEATURES];
		Arrays.fill(slopes, SLOPE);
		return g.node("PRelu", Arrays.asList(x, g.constant("prelu" + layer + ".weight", slopes, FEATURES, 1, 1)));
	}

	/** NB: asymmetric + floor is what PyTorch's nearest interpolation exports as. */
	private static String upscaled(final OnnxGraphBuilder g, final String x) {
		final String scales = g.constant("scales", new float[] { 1, 1, SCALE, SCALE }, 4);
		return g.node("Resize", Arrays.asList(x, "", scales), OnnxGraphBuilder.text("mode", "nearest"),
			OnnxGraphBuilder.text("coordinate_transformation_mode", "asymmetric"), OnnxGraphBuilder.text("nearest_mode", "floor"));
	}

	/** He-normal weights, {@code std = gain · sqrt(2 / fan_in)}, in ONNX's [out, in, 3, 3] order. */
	private static float[] heWeights(final int in, final int out, final float gain, final Random random) {
		final double std = gain * Math.sqrt(2.0 / (in * 9));
		final float[] w = new float[out * in * 9];
		for (int i = 0; i < w.length; i++)
			w[i] = (float) (random.nextGaussian() * std);
		return w;
	}
}
