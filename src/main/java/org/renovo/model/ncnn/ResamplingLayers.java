package org.renovo.model.ncnn;

import static org.renovo.model.onnx.OnnxGraphBuilder.integer;
import static org.renovo.model.onnx.OnnxGraphBuilder.ints;
import static org.renovo.model.onnx.OnnxGraphBuilder.real;
import static org.renovo.model.onnx.OnnxGraphBuilder.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import org.renovo.model.ncnn.Conversion.Blob;

/** Interp (docs/NCNN.md §8) and Pooling (§14): the layers that change the spatial sampling. */
final class ResamplingLayers {

	private static final int NEAREST = 1, BILINEAR = 2, BICUBIC = 3;
	private static final int MAX = 0, AVG = 1;
	private static final int FULL = 0, VALID = 1, SAME_UPPER = 2, SAME_LOWER = 3;

	private ResamplingLayers() {}

	static void register(final Map<String, LayerConverter> layers) {
		layers.put("Interp", new Interp());
		layers.put("Pooling", new Pooling());
	}

	/**
	 * Interp: nearest is {@code in_x = (int)(x / scale)} (ONNX asymmetric, floor); bilinear and bicubic
	 * (Keys, A = -0.75) sample at pixel centres with edge clamping (ONNX half_pixel, or align_corners).
	 * NB: ncnn sizes the output as {@code (int)(w * scale)} but bilinear and bicubic then use {@code w / outw}
	 * as their step, so those get the output size as ONNX {@code sizes} (computed from the input shape),
	 * which makes ONNX use the same step; nearest uses {@code 1 / scale}, so it gets {@code scales}.
	 */
	private static final class Interp implements LayerConverter {

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			final int type = p.getInt(0, 0);
			if (type < NEAREST || type > BICUBIC) return "resize_type " + type + " (ncnn knows 1 nearest, 2 bilinear, 3 bicubic)";
			if (p.getInt(5, 0) != 0) return "dynamic_target_size (the size given by a second input)";
			if (!p.getString(9, "").isEmpty()) return "size_expr";
			return null;
		}

		@Override
		public void convert(final Conversion c) {
			c.arity(1, 1);
			final Blob x = c.map(0);
			final ParamDict p = c.params();
			final int type = p.getInt(0, 0), outH = p.getInt(3, 0), outW = p.getInt(4, 0);
			final float hs = p.getFloat(1, 1f), ws = p.getFloat(2, 1f);
			final List<String> inputs = Conversion.list(x.name, "");
			if (outH != 0 || outW != 0) {
				if (outH <= 0 || outW <= 0) throw c.error("output_height and output_width (3, 4) must both be positive, or both 0, got " + outH + ", " + outW);
				inputs.add("");
				inputs.add(c.longs("sizes", 1, x.channels, outH, outW));
			}
			else {
				if (!(hs > 0 && ws > 0 && hs < 1e4 && ws < 1e4)) throw c.error("scales " + hs + ", " + ws + " (parameters 1, 2) must be positive");
				if (type == NEAREST) inputs.add(c.floats("scales", new float[] { 1, 1, hs, ws }, 4));
				else {
					inputs.add("");
					inputs.add(scaledSize(c, x, hs, ws));
				}
			}
			c.out(0, x.as(c.node("Resize", inputs, attributes(type, p.getInt(6, 0) != 0))));
		}

		/** {@code [1, C, (int)(H * hs), (int)(W * ws)]}, in float as ncnn computes it. */
		private static String scaledSize(final Conversion c, final Blob x, final float hs, final float ws) {
			final String hw = c.node("Shape", x.name, integer("start", 2), integer("end", 4));
			final String f = c.node("Cast", hw, integer("to", TensorProto.DataType.FLOAT.getNumber()));
			final String scaled = c.node("Floor", c.node2("Mul", f, c.floats("scales", new float[] { hs, ws }, 2)));
			final String size = c.node("Cast", scaled, integer("to", TensorProto.DataType.INT64.getNumber()));
			return c.node("Concat", Conversion.list(c.longs("batch_channels", 1, x.channels), size), integer("axis", 0));
		}

		private static AttributeProto[] attributes(final int type, final boolean alignCorner) {
			final String transform = alignCorner ? "align_corners" : "half_pixel";
			switch (type) {
				case NEAREST: return new AttributeProto[] { text("mode", "nearest"), text("coordinate_transformation_mode", "asymmetric"), text("nearest_mode", "floor") };
				case BILINEAR: return new AttributeProto[] { text("mode", "linear"), text("coordinate_transformation_mode", transform) };
				default: return new AttributeProto[] { text("mode", "cubic"), text("coordinate_transformation_mode", transform), real("cubic_coeff_a", -0.75f), integer("exclude_outside", 0) };
			}
		}
	}

	/**
	 * Pooling: global pooling gives a 1-D blob ({@code [1,C,1,1]}); otherwise ncnn's default pad_mode 0
	 * ("full") pads the tail so the last window fits, which is ONNX {@code ceil_mode=1}. Average pooling
	 * without {@code avgpool_count_include_pad} divides by the in-image samples, as ONNX
	 * {@code count_include_pad=0} does.
	 */
	private static final class Pooling implements LayerConverter {

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			final int type = p.getInt(0, 0), mode = p.getInt(5, FULL);
			if (type != MAX && type != AVG) return "pooling_type " + type + " (ncnn knows 0 max, 1 average)";
			if (p.getInt(7, 0) != 0) return "adaptive_pooling";
			if (p.getInt(4, 0) != 0) return null;
			if (mode < FULL || mode > SAME_LOWER) return "pad_mode " + mode + " (ncnn knows 0 to 3)";
			if (type == AVG && (mode == SAME_UPPER || mode == SAME_LOWER)) return "average pooling with SAME padding (ncnn counts the padding unlike ONNX)";
			// NB: ncnn then divides tail windows by the whole kernel area; ONNX does not.
			final int kw = p.getInt(1, 0), sw = p.getInt(2, 1), pl = p.getInt(3, 0);
			final int kh = p.getInt(11, kw), sh = p.getInt(12, sw), pt = p.getInt(13, pl), pr = p.getInt(14, pl), pb = p.getInt(15, pt);
			// NB: then a last window can lie wholly in the right padding and tail: ncnn keeps it (-FLT_MAX or 0/0), ONNX drops it.
			if (mode == FULL && (pr + sw - 1 >= kw || pb + sh - 1 >= kh)) return "ceil-mode pooling whose last window can lie wholly in the padding (pad " + pr + "/" + pb + ", stride " + sw + "/" + sh + ", kernel " + kw + "/" + kh + ")";
			final boolean strided = sw != 1 || sh != 1;
			if (type == AVG && mode == FULL && p.getInt(6, 0) != 0 && strided) return "average pooling counting padding in ceil mode (avgpool_count_include_pad with pad_mode 0 and a stride)";
			return null;
		}

		@Override
		public void convert(final Conversion c) {
			c.arity(1, 1);
			final Blob x = c.map(0);
			final ParamDict p = c.params();
			final int type = p.getInt(0, 0);
			if (p.getInt(4, 0) != 0) {
				c.out(0, new Blob(c.node(type == MAX ? "GlobalMaxPool" : "GlobalAveragePool", x.name), 1, x.channels));
				return;
			}
			final int kw = c.positive(1, 0, "kernel_w"), kh = c.positive(11, kw, "kernel_h");
			final int sw = c.positive(2, 1, "stride_w"), sh = c.positive(12, sw, "stride_h");
			final int left = p.getInt(3, 0), top = p.getInt(13, left), right = p.getInt(14, left), bottom = p.getInt(15, top);
			final int mode = p.getInt(5, FULL);
			if (left < 0 || top < 0 || right < 0 || bottom < 0) throw c.error("pads must not be negative");
			final List<AttributeProto> a = new ArrayList<>();
			a.add(ints("kernel_shape", kh, kw));
			a.add(ints("strides", sh, sw));
			if (mode == SAME_UPPER || mode == SAME_LOWER) a.add(text("auto_pad", mode == SAME_UPPER ? "SAME_UPPER" : "SAME_LOWER"));
			else {
				a.add(ints("pads", top, left, bottom, right));
				a.add(integer("ceil_mode", mode == FULL && (sw > 1 || sh > 1) ? 1 : 0));
			}
			if (type == AVG) a.add(integer("count_include_pad", p.getInt(6, 0) != 0 ? 1 : 0));
			c.out(0, x.as(c.node(type == MAX ? "MaxPool" : "AveragePool", x.name, a.toArray(new AttributeProto[0]))));
		}
	}
}
