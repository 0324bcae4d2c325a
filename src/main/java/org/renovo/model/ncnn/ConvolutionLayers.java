package org.renovo.model.ncnn;

import static org.renovo.model.onnx.OnnxGraphBuilder.integer;
import static org.renovo.model.onnx.OnnxGraphBuilder.ints;
import static org.renovo.model.onnx.OnnxGraphBuilder.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.AttributeProto;

import org.renovo.model.ncnn.Conversion.Blob;

/**
 * Convolution, ConvolutionDepthWise, Deconvolution, DeconvolutionDepthWise and InnerProduct
 * (docs/NCNN.md §3–5), each with its fused activation. Weights are {@code weight_data} (tagged, type 0)
 * then, with {@code bias_term}, {@code num_output} raw fp32 biases.
 */
final class ConvolutionLayers {

	private static final int SAME_UPPER = -233, SAME_LOWER = -234;

	private ConvolutionLayers() {}

	static void register(final Map<String, LayerConverter> layers) {
		layers.put("Convolution", new Conv(false, false));
		layers.put("ConvolutionDepthWise", new Conv(true, false));
		layers.put("Deconvolution", new Conv(false, true));
		layers.put("DeconvolutionDepthWise", new Conv(true, true));
		layers.put("InnerProduct", new InnerProduct());
	}

	/** The shared parameters of the convolution family. */
	private static final class Kernel {
		final int out, kw, kh, dw, dh, sw, sh, group, weights;
		final int top, left, bottom, right;

		Kernel(final Conversion c, final boolean depthwise) {
			final ParamDict p = c.params();
			out = c.positive(0, 0, "num_output");
			kw = c.positive(1, 0, "kernel_w");
			kh = c.positive(11, kw, "kernel_h");
			dw = c.positive(2, 1, "dilation_w");
			dh = c.positive(12, dw, "dilation_h");
			sw = c.positive(3, 1, "stride_w");
			sh = c.positive(13, sw, "stride_h");
			group = depthwise ? c.positive(7, 1, "group") : 1;
			weights = c.positive(6, 0, "weight_data_size");
			left = p.getInt(4, 0);
			top = p.getInt(14, left);
			right = p.getInt(15, left);
			bottom = p.getInt(16, top);
			if (out % group != 0) throw c.error("num_output " + out + " is not a multiple of group " + group);
		}

		boolean same() {
			return top == left && right == left && bottom == left && (left == SAME_UPPER || left == SAME_LOWER);
		}

		boolean anyNegativePad() {
			return top < 0 || left < 0 || bottom < 0 || right < 0;
		}

		/** Input channels from the weight count, checked against the input blob. */
		int inputs(final Conversion c, final Blob x) {
			final long perInput = (long) out / group * kw * kh;
			if (weights % perInput != 0 || weights / perInput != x.channels || x.channels % group != 0)
				throw c.error("weight_data_size " + weights + " does not fit num_output " + out + " x kernel " + kw + "x" + kh + (group > 1 ? " / group " + group : "")
					+ " x " + x.channels + " input channels (input blob " + x + ")");
			return x.channels;
		}

		float[] bias(final Conversion c) {
			return c.params().getInt(5, 0) != 0 ? c.loadFloats(out, 1, "bias_data") : null;
		}

		List<AttributeProto> attributes() {
			final List<AttributeProto> a = new ArrayList<>();
			a.add(ints("kernel_shape", kh, kw));
			a.add(ints("strides", sh, sw));
			a.add(ints("dilations", dh, dw));
			a.add(integer("group", group));
			return a;
		}
	}

	private static final class Conv implements LayerConverter {
		private final boolean depthwise, deconv;

		Conv(final boolean depthwise, final boolean deconv) {
			this.depthwise = depthwise;
			this.deconv = deconv;
		}

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			if (p.getInt(deconv ? 28 : 19, 0) != 0) return "dynamic_weight (weights given as inputs)";
			if (p.getInt(8, 0) != 0) return "int8_scale_term (an int8-quantized model; use the fp32 or fp16 one)";
			return Activations.unsupportedFused(p);
		}

		@Override
		public void convert(final Conversion c) {
			c.arity(1, 1);
			final Blob x = c.map(0);
			final Kernel k = new Kernel(c, depthwise);
			final int in = k.inputs(c, x);
			final float[] w = c.loadFloats(k.weights, 0, "weight_data");
			final float[] b = k.bias(c);
			final String y = deconv ? deconvolution(c, x, k, in, w, b) : convolution(c, x, k, in, w, b);
			c.out(0, new Blob(Activations.fused(c, y), 3, k.out));
		}

		private static String convolution(final Conversion c, final Blob x, final Kernel k, final int in, final float[] w, final float[] b) {
			final float padValue = c.params().getFloat(18, 0f);
			final List<AttributeProto> a = k.attributes();
			String input = x.name;
			if (k.same()) {
				if (padValue != 0) throw c.error("SAME padding with a non-zero pad_value is not supported");
				a.add(text("auto_pad", k.left == SAME_UPPER ? "SAME_UPPER" : "SAME_LOWER"));
			}
			else if (k.anyNegativePad()) throw c.error("pads " + k.top + "," + k.left + "," + k.bottom + "," + k.right + " (top, left, bottom, right) must be non-negative, or all -233 or all -234");
			else if (padValue != 0) input = ShapeLayers.pad(c, x.name, new long[] { 0, 0, k.top, k.left, 0, 0, k.bottom, k.right }, "constant", padValue);
			else a.add(ints("pads", k.top, k.left, k.bottom, k.right));
			final String wn = c.floats("weight", w, k.out, in / k.group, k.kh, k.kw);
			final List<String> inputs = b == null ? Conversion.list(input, wn) : Conversion.list(input, wn, c.floats("bias", b, k.out));
			return c.node("Conv", inputs, a.toArray(new AttributeProto[0]));
		}

		/**
		 * NB: ncnn stores deconvolution weights output-major, {@code [group][out/g][in/g][kh][kw]}; ONNX
		 * ConvTranspose wants {@code [in][out/g][kh][kw]}, so axes 0 and 1 swap within each group. No kernel
		 * flip: both scatter {@code out[i*s + k] += in[i] * w[k]}.
		 */
		private static String deconvolution(final Conversion c, final Blob x, final Kernel k, final int in, final float[] w, final float[] b) {
			final ParamDict p = c.params();
			final int outPadRight = p.getInt(18, 0), outPadBottom = p.getInt(19, outPadRight);
			final int outW = p.getInt(20, 0), outH = p.getInt(21, outW);
			if (outPadRight < 0 || outPadBottom < 0) throw c.error("output_pad_right/bottom must not be negative, got " + outPadRight + "/" + outPadBottom);
			final List<AttributeProto> a = k.attributes();
			a.add(ints("output_padding", outPadBottom, outPadRight));
			final boolean cut = k.top > 0 || k.left > 0 || k.bottom > 0 || k.right > 0;
			if (cut && k.anyNegativePad()) throw c.error("pads " + k.top + "," + k.left + "," + k.bottom + "," + k.right + " mix a crop with a negative value");
			if (cut) a.add(ints("pads", k.top, k.left, k.bottom, k.right));
			final String wn = c.floats("weight", transpose(w, k.group, k.out / k.group, in / k.group, k.kh * k.kw), in, k.out / k.group, k.kh, k.kw);
			final List<String> inputs = b == null ? Conversion.list(x.name, wn) : Conversion.list(x.name, wn, c.floats("bias", b, k.out));
			final String full = c.node("ConvTranspose", inputs, a.toArray(new AttributeProto[0]));
			// NB: ncnn applies output_w/h only with SAME pads (-233/-234), cutting the surplus evenly around.
			if (cut || outW <= 0 || outH <= 0 || !(k.left == SAME_UPPER || k.left == SAME_LOWER || k.top == SAME_UPPER || k.top == SAME_LOWER)) return full;
			return ShapeLayers.cutToSize(c, full, outH, outW, k.left == SAME_LOWER || k.top == SAME_LOWER);
		}

		/** {@code [g][a][b][k]} to {@code [g][b][a][k]}. */
		static float[] transpose(final float[] w, final int groups, final int a, final int b, final int k) {
			final float[] t = new float[w.length];
			for (int g = 0; g < groups; g++)
				for (int i = 0; i < a; i++)
					for (int j = 0; j < b; j++)
						System.arraycopy(w, ((g * a + i) * b + j) * k, t, ((g * b + j) * a + i) * k, k);
			return t;
		}
	}

	/** InnerProduct: flatten (c, h, w order) then {@code Gemm(transB=1)}; the output is a 1-D blob. */
	private static final class InnerProduct implements LayerConverter {

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			if (p.getInt(8, 0) != 0) return "int8_scale_term (an int8-quantized model; use the fp32 or fp16 one)";
			return Activations.unsupportedFused(p);
		}

		@Override
		public void convert(final Conversion c) {
			c.arity(1, 1);
			final Blob x = c.in(0);
			final int out = c.positive(0, 0, "num_output");
			final int size = c.positive(2, 0, "weight_data_size");
			if (size % out != 0) throw c.error("weight_data_size " + size + " is not a multiple of num_output " + out);
			final int in = size / out;
			if (x.rank == 1 && in != x.channels || x.rank == 3 && in % x.channels != 0)
				throw c.error("weight_data_size " + size + " gives " + in + " inputs per output, which does not fit the input blob " + x);
			final float[] w = c.loadFloats(size, 0, "weight_data");
			final float[] b = c.params().getInt(1, 0) != 0 ? c.loadFloats(out, 1, "bias_data") : null;
			final String flat = c.node("Flatten", x.name, integer("axis", 1));
			final String wn = c.floats("weight", w, out, in);
			final List<String> inputs = b == null ? Conversion.list(flat, wn) : Conversion.list(flat, wn, c.floats("bias", b, out));
			final String y = c.node("Gemm", inputs, integer("transB", 1));
			final String vector = c.node2("Unsqueeze", Activations.fused(c, y), c.longs("axes", 2, 3));
			c.out(0, new Blob(vector, 1, out));
		}
	}
}
