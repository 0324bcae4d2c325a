package org.renovo.model.ncnn;

import static org.renovo.model.onnx.OnnxGraphBuilder.real;

import java.util.Map;

import org.renovo.model.ncnn.Conversion.Blob;

/**
 * Activations: the ones fused into Convolution, Deconvolution and InnerProduct
 * ({@code activation_type} 9 and {@code activation_params} 10, ncnn's {@code fused_activation.h}),
 * and the standalone layers ReLU, PReLU, Sigmoid, Clip, TanH, Swish, Mish, HardSigmoid and HardSwish.
 */
final class Activations {

	private Activations() {}

	static void register(final Map<String, LayerConverter> layers) {
		layers.put("ReLU", c -> unary(c, relu(c, c.in(0).name, c.params().getFloat(0, 0f))));
		layers.put("Sigmoid", c -> unary(c, c.node("Sigmoid", c.in(0).name)));
		layers.put("TanH", c -> unary(c, c.node("Tanh", c.in(0).name)));
		layers.put("Swish", c -> unary(c, c.node2("Mul", c.in(0).name, c.node("Sigmoid", c.in(0).name))));
		layers.put("Mish", c -> unary(c, mish(c, c.in(0).name)));
		layers.put("Clip", c -> unary(c, clip(c, c.in(0).name, c.params().getFloat(0, -Float.MAX_VALUE), c.params().getFloat(1, Float.MAX_VALUE))));
		layers.put("HardSigmoid", c -> unary(c, c.node("HardSigmoid", c.in(0).name, real("alpha", c.params().getFloat(0, 0.2f)), real("beta", c.params().getFloat(1, 0.5f)))));
		layers.put("HardSwish", c -> unary(c, hardSwish(c, c.in(0).name, c.params().getFloat(0, 0.2f), c.params().getFloat(1, 0.5f))));
		layers.put("PReLU", Activations::prelu);
	}

	/**
	 * Applies activation {@code type} with {@code params} (ids 9 and 10 of the current layer) to {@code x}:
	 * 0 none, 1 ReLU, 2 LeakyReLU(params[0]), 3 Clip(params[0], params[1]), 4 Sigmoid, 5 Mish,
	 * 6 HardSwish(alpha = params[0], beta = params[1]).
	 */
	static String fused(final Conversion c, final String x) {
		final int type = c.params().getInt(9, 0);
		switch (type) {
			case 0: return x;
			case 1: return c.node("Relu", x);
			case 2: return relu(c, x, c.floatArray(10, 1, "LeakyReLU activation_params")[0]);
			case 3: {
				final float[] p = c.floatArray(10, 2, "Clip activation_params");
				return clip(c, x, p[0], p[1]);
			}
			case 4: return c.node("Sigmoid", x);
			case 5: return mish(c, x);
			case 6: {
				final float[] p = c.floatArray(10, 2, "HardSwish activation_params");
				return hardSwish(c, x, p[0], p[1]);
			}
			default: throw c.error("unknown activation_type " + type + " (parameter 9), expected 0 to 6");
		}
	}

	/** Why a fused activation cannot be converted, or null. */
	static String unsupportedFused(final ParamDict p) {
		final int type = p.getInt(9, 0);
		return type < 0 || type > 6 ? "activation_type " + type + " (ncnn knows 0 to 6)" : null;
	}

	// -- Helper methods --

	private static void unary(final Conversion c, final String y) {
		c.arity(1, 1);
		c.out(0, c.in(0).as(y));
	}

	private static String relu(final Conversion c, final String x, final float slope) {
		return slope == 0 ? c.node("Relu", x) : c.node("LeakyRelu", x, real("alpha", slope));
	}

	private static String clip(final Conversion c, final String x, final float min, final float max) {
		return c.node("Clip", Conversion.list(x, c.scalar(min), c.scalar(max)));
	}

	/** NB: ONNX Mish is opset 18; x·tanh(softplus(x)) is the same function in opset 17. */
	private static String mish(final Conversion c, final String x) {
		return c.node2("Mul", x, c.node("Tanh", c.node("Softplus", x)));
	}

	/** ncnn: 0 below -β/α, x above (1-β)/α, else x·(αx+β); which is x·clip(αx+β, 0, 1) = x·HardSigmoid(x). */
	private static String hardSwish(final Conversion c, final String x, final float alpha, final float beta) {
		return c.node2("Mul", x, c.node("HardSigmoid", x, real("alpha", alpha), real("beta", beta)));
	}

	/** PReLU {@code 0=num_slope}: one slope for all, or one per channel (per element of a 1-D blob). */
	private static void prelu(final Conversion c) {
		c.arity(1, 1);
		final Blob x = c.in(0);
		final int n = c.positive(0, 0, "num_slope");
		if (n != 1 && n != x.channels) throw c.error("has " + n + " slopes for " + x.channels + " channels; expected 1 or " + x.channels);
		final float[] slope = c.loadFloats(n, 1, "slope_data");
		final String s = n == 1 ? c.floats("slope", slope, 1) : c.floats("slope", slope, n, 1, 1);
		c.out(0, x.as(c.node2("PRelu", x.name, s)));
	}
}
