package org.renovo.model.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The demo model {@code demo-x2}, generated here rather than downloaded: a ×2 bicubic resize (Keys,
 * A = -0.75) followed by a mild 3×3 unsharp mask per channel. It stands in for a trained upscaler until
 * real models are imported; its receptive field is small, so tiling it is exact.
 */
public final class DemoModel {

	public static final String ID = "demo-x2";
	/** NB: 0.15 sharpens visibly without ringing on photographs. */
	private static final float SHARPEN = 0.15f;

	private DemoModel() {}

	public static void write(final Path path) throws IOException {
		final OnnxGraphBuilder g = new OnnxGraphBuilder(ID);
		final String x = g.input("input", 3);
		final String scales = g.constant("scales", new float[] { 1, 1, 2, 2 }, 4);
		final String up = g.node("Resize", Arrays.asList(x, "", scales), OnnxGraphBuilder.text("mode", "cubic"),
			OnnxGraphBuilder.real("cubic_coeff_a", -0.75f), OnnxGraphBuilder.text("coordinate_transformation_mode", "half_pixel"));
		final String kernel = g.constant("sharpen", sharpenKernels(), 3, 1, 3, 3);
		final String y = g.node("Conv", Arrays.asList(up, kernel), OnnxGraphBuilder.integer("group", 3), OnnxGraphBuilder.ints("pads", 1, 1, 1, 1));
		g.output(y, 3);
		g.write(path);
	}

	private static float[] sharpenKernels() {
		final float[] k = new float[3 * 9];
		for (int c = 0; c < 3; c++) {
			Arrays.fill(k, c * 9, c * 9 + 9, -SHARPEN / 8);
			k[c * 9 + 4] = 1 + SHARPEN;
		}
		return k;
	}
}
