package org.renovo.model.ncnn;

import static org.renovo.model.onnx.OnnxGraphBuilder.integer;
import static org.renovo.model.onnx.OnnxGraphBuilder.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.renovo.model.ncnn.Conversion.Blob;

/**
 * Layers that move data without arithmetic: Input, Split, Noop, Dropout, Concat, Crop (docs/NCNN.md §12,
 * all three modes), Padding (§13) and PixelShuffle (§9). Axis parameters count without the batch axis,
 * so for a 3-D blob ncnn axis 0 (C), 1 (H), 2 (W) is ONNX axis 1, 2, 3.
 */
final class ShapeLayers {

	static final long END = Long.MAX_VALUE;
	private static final int AUTO = -233;

	private ShapeLayers() {}

	static void register(final Map<String, LayerConverter> layers) {
		layers.put("Input", c -> {
			c.arity(0, 1);
			final int channels = c.params().getInt(2, 0);
			c.out(0, new Blob(c.g.input("input", channels > 0 ? channels : 3), 3, channels > 0 ? channels : 3));
		});
		layers.put("Split", c -> {
			c.arity(1, -1);
			c.outAll(c.in(0));
		});
		layers.put("Noop", c -> {
			if (c.inputCount() != c.layer().outputs().size()) c.arity(1, -1);
			for (int i = 0; i < c.layer().outputs().size(); i++)
				c.out(i, c.in(Math.min(i, c.inputCount() - 1)));
		});
		layers.put("Dropout", c -> {
			c.arity(1, 1);
			final float scale = c.params().getFloat(0, 1f);
			c.out(0, scale == 1f ? c.in(0) : c.in(0).as(c.node2("Mul", c.in(0).name, c.scalar(scale))));
		});
		layers.put("Concat", ShapeLayers::concat);
		layers.put("Crop", new Crop());
		layers.put("Padding", new Padding());
		layers.put("PixelShuffle", ShapeLayers::pixelShuffle);
	}

	/** Pads a 4-D tensor: {@code pads} = [begin of N, C, H, W, end of N, C, H, W]; mode constant, edge or reflect. */
	static String pad(final Conversion c, final String x, final long[] pads, final String mode, final float value) {
		final List<String> inputs = Conversion.list(x, c.longs("pads", pads));
		if (mode.equals("constant")) inputs.add(c.scalar(value));
		return c.node("Pad", inputs, text("mode", mode));
	}

	/** Cuts a 4-D tensor to {@code h × w}, the surplus split evenly, the odd pixel at the end (or, {@code lowerFirst}, the start). */
	static String cutToSize(final Conversion c, final String x, final int h, final int w, final boolean lowerFirst) {
		final String size = c.node("Shape", x, integer("start", 2), integer("end", 4));
		final String cut = c.node2("Sub", size, c.longs("size", h, w));
		final String half = c.node2("Div", cut, c.longs("two", 2, 2));
		final String start = lowerFirst ? c.node2("Sub", cut, half) : half;
		final String end = c.node2("Add", start, c.longs("size", h, w));
		return c.node("Slice", Conversion.list(x, start, end, c.longs("axes", 2, 3)));
	}

	static String slice(final Conversion c, final String x, final long[] starts, final long[] ends, final long[] axes) {
		return c.node("Slice", Conversion.list(x, c.longs("starts", starts), c.longs("ends", ends), c.longs("axes", axes)));
	}

	// -- Layers --

	private static void concat(final Conversion c) {
		c.arity(-1, 1);
		final Blob first = c.in(0);
		int axis = c.params().getInt(0, 0);
		if (axis < 0) axis += first.rank;
		if (axis < 0 || axis >= first.rank) throw c.error("axis " + c.params().getInt(0, 0) + " is out of range for a " + first.rank + "-D blob");
		final boolean channels = axis == 0;
		int total = 0;
		final List<String> names = new ArrayList<>();
		for (int i = 0; i < c.inputCount(); i++) {
			final Blob b = c.in(i);
			if (b.rank != first.rank || !channels && b.channels != first.channels) throw c.error("input " + i + " is " + b + ", which cannot be concatenated with " + first + " on axis " + axis);
			total += b.channels;
			names.add(b.name);
		}
		c.out(0, first.withChannels(c.node("Concat", names, integer("axis", first.rank == 3 ? axis + 1 : 1)), channels ? total : first.channels));
	}

	/** PixelShuffle mode 0 = PyTorch = DepthToSpace CRD; mode 1 = DCR. */
	private static void pixelShuffle(final Conversion c) {
		c.arity(1, 1);
		final Blob x = c.map(0);
		final int r = c.positive(0, 1, "upscale_factor"), mode = c.params().getInt(1, 0);
		if (mode != 0 && mode != 1) throw c.error("mode " + mode + " is neither 0 (CRD) nor 1 (DCR)");
		if (x.channels % (r * r) != 0) throw c.error(x.channels + " channels do not divide by upscale_factor² = " + r * r);
		final String y = r == 1 ? x.name : c.node("DepthToSpace", x.name, integer("blocksize", r), text("mode", mode == 0 ? "CRD" : "DCR"));
		c.out(0, x.withChannels(y, x.channels / (r * r)));
	}

	/**
	 * Crop: numpy style ({@code starts}, {@code ends}, {@code axes}; end ≤ 0 counts from the end, so 0 is
	 * "to the end"), offset and size (one input; {@code -233} = the rest), or reference (two inputs, the
	 * output takes the second blob's size from the given offsets).
	 */
	private static final class Crop implements LayerConverter {

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			if (!p.getString(19, "").isEmpty() || !p.getString(20, "").isEmpty() || !p.getString(21, "").isEmpty()) return "starts/ends/axes expressions (19-21)";
			if (isReference(p) && p.getInt(0, 0) == AUTO) return "crop by the values of a reference blob (woffset -233)";
			return null;
		}

		@Override
		public void convert(final Conversion c) {
			final ParamDict p = c.params();
			if (isReference(p)) reference(c);
			else if (p.getInts(9).length > 0 && p.getInts(10).length > 0) numpy(c);
			else offsets(c);
		}

		private static boolean isReference(final ParamDict p) {
			final boolean numpy = p.getInts(9).length > 0 && p.getInts(10).length > 0;
			for (final int id : new int[] { 3, 4, 14, 5, 6, 7, 15, 8 })
				if (p.getInt(id, 0) != 0) return false;
			return !numpy;
		}

		private static void numpy(final Conversion c) {
			c.arity(1, 1);
			final Blob x = c.map(0);
			final int[] starts = c.params().getInts(9), ends = c.params().getInts(10), axes = c.params().getInts(11);
			final int n = axes.length == 0 ? 3 : axes.length;
			if (starts.length < n || ends.length < n) throw c.error("starts and ends (parameters 9, 10) need " + n + " values each, have " + starts.length + " and " + ends.length);
			final long[] s = new long[n], e = new long[n], a = new long[n];
			int channels = x.channels;
			for (int i = 0; i < n; i++) {
				final int axis = axes.length == 0 ? i : axes[i] < 0 ? axes[i] + 3 : axes[i];
				if (axis < 0 || axis > 2) throw c.error("axis " + axes[i] + " is out of range for a 3-D blob");
				s[i] = starts[i] == AUTO ? 0 : starts[i];
				e[i] = ends[i] == AUTO || ends[i] == 0 ? END : ends[i];
				a[i] = axis + 1;
				if (axis == 0) channels = Math.min(x.channels, e[i] == END ? x.channels : e[i] > 0 ? (int) e[i] : x.channels + (int) e[i]) - (s[i] >= 0 ? (int) s[i] : x.channels + (int) s[i]);
			}
			if (channels <= 0) throw c.error("keeps no channel of " + x);
			c.out(0, x.withChannels(slice(c, x.name, s, e, a), channels));
		}

		private static void offsets(final Conversion c) {
			c.arity(1, 1);
			final Blob x = c.map(0);
			final ParamDict p = c.params();
			final int[] off = { p.getInt(2, 0), p.getInt(1, 0), p.getInt(0, 0) }, off2 = { p.getInt(8, 0), p.getInt(7, 0), p.getInt(6, 0) };
			final int[] size = { p.getInt(5, 0), p.getInt(4, 0), p.getInt(3, 0) };
			final long[] s = new long[3], e = new long[3], axes = { 1, 2, 3 };
			final List<long[]> sized = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				if (off[i] < 0 || off2[i] < 0) throw c.error("offsets must not be negative, got " + off[i] + " and " + off2[i]);
				if (size[i] != AUTO && size[i] <= 0) throw c.error("output size " + size[i] + " on axis " + "chw".charAt(i) + " leaves nothing (-233 means 'to the end')");
				s[i] = off[i];
				e[i] = off2[i] > 0 ? -off2[i] : END;
				if (size[i] != AUTO) sized.add(new long[] { i + 1, size[i] });
			}
			String y = slice(c, x.name, s, e, axes);
			if (!sized.isEmpty()) {
				final long[] zs = new long[sized.size()], es = new long[sized.size()], as = new long[sized.size()];
				for (int i = 0; i < sized.size(); i++) { as[i] = sized.get(i)[0]; es[i] = sized.get(i)[1]; }
				y = slice(c, y, zs, es, as);
			}
			final int channels = Math.min(size[0] == AUTO ? Integer.MAX_VALUE : size[0], x.channels - off[0] - off2[0]);
			if (channels <= 0) throw c.error("keeps no channel of " + x);
			c.out(0, x.withChannels(y, channels));
		}

		private static void reference(final Conversion c) {
			c.arity(2, 1);
			final Blob x = c.map(0), ref = c.map(1);
			final ParamDict p = c.params();
			final long[] off = { p.getInt(2, 0), p.getInt(1, 0), p.getInt(0, 0) };
			if (off[0] < 0 || off[1] < 0 || off[2] < 0) throw c.error("offsets must not be negative");
			if (off[0] + ref.channels > x.channels) throw c.error("crops " + ref.channels + " channels from offset " + off[0] + " of " + x);
			final String refSize = c.node("Shape", ref.name, integer("start", 1), integer("end", 4));
			final String starts = c.longs("starts", off);
			final String ends = c.node2("Add", refSize, c.longs("offsets", off));
			c.out(0, x.withChannels(c.node("Slice", Conversion.list(x.name, starts, ends, c.longs("axes", 1, 2, 3))), ref.channels));
		}
	}

	/** Padding: constant, replicate (ONNX edge) or reflect, on H, W and (front, behind) C. */
	private static final class Padding implements LayerConverter {

		private static final String[] MODES = { "constant", "edge", "reflect" };

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			if (p.getInt(6, 0) != 0) return "per-channel pad values (per_channel_pad_data_size)";
			final int type = p.getInt(4, 0);
			return type < 0 || type > 2 ? "pad type " + type + " (ncnn knows 0 constant, 1 replicate, 2 reflect)" : null;
		}

		@Override
		public void convert(final Conversion c) {
			c.arity(1, 1);
			final Blob x = c.map(0);
			final ParamDict p = c.params();
			final int top = p.getInt(0, 0), bottom = p.getInt(1, 0), left = p.getInt(2, 0), right = p.getInt(3, 0), front = p.getInt(7, 0), behind = p.getInt(8, 0);
			if (top < 0 || bottom < 0 || left < 0 || right < 0 || front < 0 || behind < 0) throw c.error("pads must not be negative");
			final String y = pad(c, x.name, new long[] { 0, front, top, left, 0, behind, bottom, right }, MODES[p.getInt(4, 0)], p.getFloat(5, 0f));
			c.out(0, x.withChannels(y, x.channels + front + behind));
		}
	}
}
