package org.renovo.model.ncnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.renovo.model.ncnn.Conversion.Blob;

/**
 * Element-wise arithmetic: Eltwise (§6, coefficients apply to SUM only), BinaryOp (§7, with a scalar or a
 * second blob, ncnn's 1-D per-channel broadcast), Scale (§15) and BatchNorm.
 */
final class ArithmeticLayers {

	private static final String[] BINARY = { "Add", "Sub", "Mul", "Div", "Max", "Min", "Pow", "Sub", "Div", "Pow" };
	private static final int RSUB = 7;

	private ArithmeticLayers() {}

	static void register(final Map<String, LayerConverter> layers) {
		layers.put("Eltwise", new Eltwise());
		layers.put("BinaryOp", new BinaryOp());
		layers.put("Scale", new Scale());
		layers.put("BatchNorm", ArithmeticLayers::batchNorm);
	}

	/** The blob {@code a op b} makes, after checking that ncnn can broadcast them (a 1-D blob per channel). */
	static Blob broadcast(final Conversion c, final Blob a, final Blob b, final String y) {
		if (a.rank == b.rank) {
			if (a.channels != b.channels && a.channels != 1 && b.channels != 1) throw c.error("cannot broadcast " + a + " with " + b + ": the channel counts differ");
			return new Blob(y, a.rank, Math.max(a.channels, b.channels));
		}
		final Blob map = a.rank == 3 ? a : b, vector = a.rank == 3 ? b : a;
		if (vector.channels != map.channels && vector.channels != 1) throw c.error("cannot broadcast the 1-D blob " + vector + " over the channels of " + map);
		return new Blob(y, 3, map.channels);
	}

	/** Eltwise {@code 0=op} (0 product, 1 sum, 2 max) {@code 1=coeffs}: a weighted sum {@code Σ coeffs[i]·x_i}. */
	private static final class Eltwise implements LayerConverter {

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			final int op = p.getInt(0, 0);
			return op < 0 || op > 2 ? "op_type " + op + " (ncnn knows 0 product, 1 sum, 2 max)" : null;
		}

		@Override
		public void convert(final Conversion c) {
			c.arity(-1, 1);
			final Blob first = c.in(0);
			if (c.inputCount() < 2) throw c.error("has one input; Eltwise combines at least two");
			final int op = c.params().getInt(0, 0);
			final float[] coeffs = c.params().getFloats(1);
			if (op == 1 && coeffs.length > 0 && coeffs.length < c.inputCount()) throw c.error("has " + coeffs.length + " coefficients for " + c.inputCount() + " inputs");
			final List<String> terms = new ArrayList<>();
			for (int i = 0; i < c.inputCount(); i++) {
				final Blob b = c.in(i);
				if (b.rank != first.rank || b.channels != first.channels) throw c.error("input " + i + " is " + b + " but input 0 is " + first + "; Eltwise needs equal shapes");
				terms.add(op == 1 && coeffs.length > 0 && coeffs[i] != 1f ? c.node2("Mul", b.name, c.scalar(coeffs[i])) : b.name);
			}
			String y = terms.get(0);
			if (op == 0) for (int i = 1; i < terms.size(); i++) y = c.node2("Mul", y, terms.get(i));
			else y = c.node(op == 1 ? "Sum" : "Max", terms);
			c.out(0, first.as(y));
		}
	}

	/** BinaryOp {@code 0=op} {@code 1=with_scalar} {@code 2=b}; ops 7–9 reverse the operands. */
	private static final class BinaryOp implements LayerConverter {

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			final int op = p.getInt(0, 0);
			if (op == 10 || op == 11) return "op_type " + op + " (atan2)";
			return op < 0 || op >= BINARY.length ? "op_type " + op + " (ncnn knows 0 to 11)" : null;
		}

		@Override
		public void convert(final Conversion c) {
			final int op = c.params().getInt(0, 0);
			final boolean reverse = op >= RSUB;
			if (c.params().getInt(1, 0) != 0) {
				c.arity(1, 1);
				final Blob a = c.in(0);
				final String b = c.scalar(c.params().getFloat(2, 0f));
				c.out(0, a.as(reverse ? c.node2(BINARY[op], b, a.name) : c.node2(BINARY[op], a.name, b)));
				return;
			}
			c.arity(2, 1);
			final Blob a = c.in(0), b = c.in(1);
			c.out(0, broadcast(c, a, b, reverse ? c.node2(BINARY[op], b.name, a.name) : c.node2(BINARY[op], a.name, b.name)));
		}
	}

	/** Scale: per-channel weights (and bias), or with {@code 0=-233} the product of two blobs. */
	private static final class Scale implements LayerConverter {

		@Override
		public String unsupported(final ParamDict p, final NcnnLayer layer) {
			return p.getInt(0, 0) == -233 && p.getInt(1, 0) != 0 ? "a bias with a scale blob (scale_data_size -233 and bias_term)" : null;
		}

		@Override
		public void convert(final Conversion c) {
			final int size = c.params().getInt(0, 0);
			if (size == -233) {
				c.arity(2, 1);
				final Blob a = c.in(0), b = c.in(1);
				c.out(0, broadcast(c, a, b, c.node2("Mul", a.name, b.name)));
				return;
			}
			c.arity(1, 1);
			final Blob x = c.in(0);
			if (size != x.channels) throw c.error("scale_data_size " + size + " does not match the " + x.channels + " channels of its input " + x);
			final float[] scale = c.loadFloats(size, 1, "scale_data");
			final float[] bias = c.params().getInt(1, 0) != 0 ? c.loadFloats(size, 1, "bias_data") : null;
			String y = c.node2("Mul", x.name, c.floats("scale", scale, size, 1, 1));
			if (bias != null) y = c.node2("Add", y, c.floats("bias", bias, size, 1, 1));
			c.out(0, x.as(y));
		}
	}

	/** BatchNorm {@code 0=channels 1=eps}: {@code b·x + a} with a and b folded as ncnn folds them, in float. */
	private static void batchNorm(final Conversion c) {
		c.arity(1, 1);
		final Blob x = c.in(0);
		final int n = c.positive(0, 0, "channels");
		if (n != x.channels) throw c.error("channels " + n + " does not match the " + x.channels + " channels of its input " + x);
		final float eps = c.params().getFloat(1, 0f);
		final float[] slope = c.loadFloats(n, 1, "slope_data"), mean = c.loadFloats(n, 1, "mean_data");
		final float[] var = c.loadFloats(n, 1, "var_data"), bias = c.loadFloats(n, 1, "bias_data");
		final float[] a = new float[n], b = new float[n];
		for (int i = 0; i < n; i++) {
			final float sqrtVar = (float) Math.sqrt(var[i] + eps);
			a[i] = bias[i] - slope[i] * mean[i] / sqrtVar;
			b[i] = slope[i] / sqrtVar;
		}
		c.out(0, x.as(c.node2("Add", c.node2("Mul", x.name, c.floats("b", b, n, 1, 1)), c.floats("a", a, n, 1, 1))));
	}
}
