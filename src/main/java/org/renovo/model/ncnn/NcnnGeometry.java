package org.renovo.model.ncnn;

import java.util.HashMap;
import java.util.Map;

import org.renovo.error.ModelFormatException;
import org.renovo.tiling.ModelGeometry;

/**
 * What an ncnn graph says about its geometry, read by walking it (chaiNNer's method): the scale is the
 * product of the up- and down-sampling factors from the input to the output (Deconvolution and
 * convolution strides, PixelShuffle, Interp scales); the size multiple is the largest down-sampling
 * factor any blob reaches (a stride-2 level under a stride-2 level needs sizes divisible by 4); global
 * pooling on the way to the output means each output pixel depends on the whole input. Border and
 * receptive field are left to {@link org.renovo.model.GeometryProbe}, which also confirms these.
 * Immutable.
 */
public final class NcnnGeometry {

	/** NB: Interp scales are floats; factors are recovered as fractions with denominators up to this. */
	private static final int MAX_DENOMINATOR = 64;

	private final long scaleNum, scaleDen;
	private final int multiple;
	private final boolean wholeInput, known;

	private NcnnGeometry(final long scaleNum, final long scaleDen, final int multiple, final boolean wholeInput, final boolean known) {
		this.scaleNum = scaleNum;
		this.scaleDen = scaleDen;
		this.multiple = multiple;
		this.wholeInput = wholeInput;
		this.known = known;
	}

	/** False when the walk met something that hides the scale (a fixed output size, unequal x/y factors). */
	public boolean isKnown() { return known; }
	/** True when the overall scale is a whole number. */
	public boolean hasIntegerScale() { return known && scaleDen == 1; }
	/** The overall scale; only meaningful when {@link #hasIntegerScale()}. */
	public int scale() { return (int) scaleNum; }
	public int multiple() { return multiple; }
	/** True when global pooling feeds the output: its receptive field is the whole input. */
	public boolean seesWholeInput() { return wholeInput; }

	/**
	 * The geometry to use, from a probe run cross-checked with the graph: the graph's scale must match,
	 * its size multiple is kept when the probe found a smaller one, and global pooling means unbounded.
	 *
	 * @throws ModelFormatException when graph and probe disagree on the scale, or the scale is fractional
	 */
	public ModelGeometry confirm(final ModelGeometry probed, final String model) {
		if (known && !hasIntegerScale()) throw new ModelFormatException(model + " scales by " + scaleNum + "/" + scaleDen + "; Renovo runs models with a whole-number scale.");
		if (known && probed.scale() != scaleNum) throw new ModelFormatException(model + ": its graph scales by " + scaleNum + " but a run scaled by " + probed.scale() + "; the converter misread a layer (please report it).");
		final int m = (int) lcm(multiple, probed.multiple());
		return ModelGeometry.of(probed.scale(), probed.radius(), probed.border(), m).withMinSize(probed.minSize()).withWholeInput(wholeInput);
	}

	@Override
	public String toString() {
		return known ? "NcnnGeometry[scale " + scaleNum + (scaleDen == 1 ? "" : "/" + scaleDen) + ", multiple " + multiple + (wholeInput ? ", global pooling" : "") + "]" : "NcnnGeometry[unknown" + (wholeInput ? ", global pooling" : "") + "]";
	}

	static NcnnGeometry of(final NcnnGraph graph) {
		final Map<String, long[]> factor = new HashMap<>();
		final Map<String, Boolean> global = new HashMap<>();
		boolean known = true;
		long multiple = 1;
		String last = null;
		for (final NcnnLayer layer : graph.layers()) {
			long[] f = layer.type().equals("Input") ? new long[] { 1, 1 } : null;
			boolean whole = false;
			for (final String in : layer.inputs()) {
				final long[] g = factor.get(in);
				whole |= global.getOrDefault(in, false);
				if (g == null) continue;
				if (f != null && (f[0] != g[0] || f[1] != g[1]) && !layer.type().equals("Crop")) known = false;
				if (f == null) f = g;
			}
			final long[] step = step(layer);
			final boolean vector = f == null || isGlobal(layer) || layer.type().equals("InnerProduct");
			// NB: factors beyond 2^20 are nonsense (a damaged file); stop before the products overflow.
			final boolean sane = f != null && step != null && f[0] < 1 << 20 && f[1] < 1 << 20 && step[0] < 1 << 20 && step[1] < 1 << 20;
			if (!vector && !sane) known = false;
			final long[] out = vector || !sane ? null : reduce(f[0] * step[0], f[1] * step[1]);
			if (out != null) multiple = lcm(multiple, out[1]);
			whole |= isGlobal(layer);
			for (final String o : layer.outputs()) {
				if (out != null) factor.put(o, out);
				global.put(o, whole);
				last = o;
			}
		}
		final long[] s = last == null ? null : factor.get(last);
		final boolean wholeOut = last != null && global.getOrDefault(last, false);
		if (s == null || !known || multiple > Integer.MAX_VALUE) return new NcnnGeometry(0, 1, 1, wholeOut, false);
		return new NcnnGeometry(s[0], s[1], (int) multiple, wholeOut, true);
	}

	// -- Helper methods --

	/** The layer's spatial factor as a fraction, or null when it cannot be told from the parameters. */
	private static long[] step(final NcnnLayer layer) {
		final ParamDict p = layer.params();
		switch (layer.type()) {
			case "Convolution":
			case "ConvolutionDepthWise":
			case "Pooling": {
				if (isGlobal(layer)) return new long[] { 1, 1 };
				final int sw = p.getInt(layer.type().equals("Pooling") ? 2 : 3, 1), sh = p.getInt(layer.type().equals("Pooling") ? 12 : 13, sw);
				return sw == sh && sw > 0 ? new long[] { 1, sw } : null;
			}
			case "Deconvolution":
			case "DeconvolutionDepthWise": {
				final int sw = p.getInt(3, 1), sh = p.getInt(13, sw);
				return sw == sh && sw > 0 ? new long[] { sw, 1 } : null;
			}
			case "PixelShuffle": {
				final int r = p.getInt(0, 1);
				return r > 0 ? new long[] { r, 1 } : null;
			}
			case "Interp": {
				if (p.getInt(3, 0) != 0 || p.getInt(4, 0) != 0 || p.getInt(5, 0) != 0) return null;
				final float hs = p.getFloat(1, 1f), ws = p.getFloat(2, 1f);
				return hs == ws ? fraction(ws) : null;
			}
			default:
				return new long[] { 1, 1 };
		}
	}

	private static boolean isGlobal(final NcnnLayer layer) {
		return layer.type().equals("Pooling") && layer.params().getInt(4, 0) != 0;
	}

	/** The fraction with the smallest denominator (up to 64) within 1e-5 of {@code v}; null if none. */
	static long[] fraction(final float v) {
		if (!(v > 0) || v > 1e6) return null;
		for (long den = 1; den <= MAX_DENOMINATOR; den++) {
			final long num = Math.round(v * den);
			if (num > 0 && Math.abs((double) num / den - v) <= 1e-5 * Math.max(1, v)) return reduce(num, den);
		}
		return null;
	}

	private static long[] reduce(final long num, final long den) {
		final long g = gcd(num, den);
		return new long[] { num / g, den / g };
	}

	private static long gcd(final long a, final long b) {
		return b == 0 ? Math.abs(a) : gcd(b, a % b);
	}

	private static long lcm(final long a, final long b) {
		return a / gcd(a, b) * b;
	}
}
