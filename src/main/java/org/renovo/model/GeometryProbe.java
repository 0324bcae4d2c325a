package org.renovo.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.renovo.engine.InferenceSession;
import org.renovo.engine.Tensor;
import org.renovo.error.ModelFormatException;
import org.renovo.error.RenovoException;
import org.renovo.tensor.TensorLayout;
import org.renovo.tiling.ModelGeometry;

/**
 * Measures a model's geometry by running it (docs/TILING.md): two sizes give scale and border, the
 * smallest size multiple that runs gives the multiple, and impulse responses on a constant image give
 * the receptive-field radius. An impulse that reaches the output's edge means the model sees its whole
 * input ({@link ModelGeometry#UNBOUNDED}).
 */
public final class GeometryProbe {

	private static final int[] MULTIPLES = { 1, 2, 4, 8, 16, 32 };
	/** NB: models of valid convolutions (waifu2x cunet loses 28 px a side) run only on larger inputs. */
	private static final int[] BASE_SIZES = { 24, 96 };
	/** NB: the impulse image is this wide, so radii up to about half of it are measured. */
	private static final int IMPULSE_SIZE = 96;
	private static final float BASE = 0.5f, STEP = 0.5f;

	private GeometryProbe() {}

	public static ModelGeometry probe(final InferenceSession session, final int channels) {
		RenovoException last = null;
		for (final int m : MULTIPLES)
			for (final int base : BASE_SIZES) {
				try {
					final ModelGeometry g = sizes(session, channels, m, base);
					if (g != null) return g.withRadius(radius(session, channels, g, base));
				}
				catch (final RenovoException e) {
					last = e;
				}
			}
		throw new ModelFormatException("Cannot measure this model's scale and border: it ran at no input size that is a multiple of 1 to 32, or gave inconsistent output sizes. Give it a model card with its geometry.", last);
	}

	/** Scale and border from two input sizes that are odd multiples of {@code m}, from about {@code base}; null when inconsistent. */
	private static ModelGeometry sizes(final InferenceSession session, final int channels, final int m, final int base) {
		final int k = Math.max(3, (base + m - 1) / m) | 1;
		final int n1 = m * k, n2 = n1 + 2 * m;
		final long[] a = run(session, constant(channels, n1, n1 + m), channels, n1 + m, n1).shape();
		final long[] b = run(session, constant(channels, n2, n2 + m), channels, n2 + m, n2).shape();
		final long dw = TensorLayout.width(b) - TensorLayout.width(a), dh = TensorLayout.height(b) - TensorLayout.height(a);
		if (dw != dh || dw <= 0 || dw % (n2 - n1) != 0) return null;
		final int scale = (int) (dw / (n2 - n1));
		final long lost = n1 * (long) scale - TensorLayout.width(a);
		if (lost < 0 || lost % (2L * scale) != 0 || TensorLayout.height(a) != (n1 + m) * (long) scale - lost) return null;
		return ModelGeometry.of(scale, 0, (int) (lost / (2 * scale)), m);
	}

	private static int radius(final InferenceSession session, final int channels, final ModelGeometry g, final int minSide) {
		// NB: room for the border the model loses, so the impulse's reach is measured inside the output
		final int side = Math.max(IMPULSE_SIZE, minSide) + 2 * g.border();
		final int n = (side + g.multiple() - 1) / g.multiple() * g.multiple();
		final float[] base = constant(channels, n, n);
		final Tensor reference = run(session, base, channels, n, n);
		int radius = 0;
		for (int p = n / 2; p < n / 2 + Math.min(4, g.multiple() + 1); p++) {
			for (final float step : new float[] { STEP, -STEP }) {
				final float[] impulse = base.clone();
				for (int c = 0; c < channels; c++)
					impulse[TensorLayout.index(c, p, p, n, n)] += step;
				final int r = reach(reference, run(session, impulse, channels, n, n), p, g);
				if (r == ModelGeometry.UNBOUNDED) return r;
				radius = Math.max(radius, r);
			}
		}
		return radius;
	}

	/** How far, in input pixels, the change spread from {@code p}; unbounded when it reached the edge. */
	private static int reach(final Tensor reference, final Tensor changed, final int p, final ModelGeometry g) {
		final long[] shape = reference.shape();
		final int c = TensorLayout.channels(shape), h = TensorLayout.height(shape), w = TensorLayout.width(shape);
		final FloatBuffer a = reference.data(), b = changed.data();
		int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
		for (int k = 0; k < c; k++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final int i = TensorLayout.index(k, x, y, w, h);
					// NB: exact comparison; a run is deterministic for one shape, and a threshold would hide
					// the faint tails of deep receptive fields and of global pooling.
					if (a.get(i) == b.get(i)) continue;
					if (x == 0 || y == 0 || x == w - 1 || y == h - 1) return ModelGeometry.UNBOUNDED;
					lo = Math.min(lo, Math.min(x, y));
					hi = Math.max(hi, Math.max(x, y));
				}
		if (lo > hi) return 0;
		final int inLo = lo / g.scale() + g.border(), inHi = hi / g.scale() + g.border();
		return Math.max(p - inLo, inHi - p);
	}

	private static float[] constant(final int channels, final int height, final int width) {
		final float[] v = new float[channels * height * width];
		java.util.Arrays.fill(v, BASE);
		return v;
	}

	private static Tensor run(final InferenceSession session, final float[] values, final int channels, final int height, final int width) {
		final FloatBuffer in = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
		in.put(values).flip();
		return session.run(in, TensorLayout.shape(channels, height, width));
	}
}
