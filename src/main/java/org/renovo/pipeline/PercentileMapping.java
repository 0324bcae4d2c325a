package org.renovo.pipeline;

import java.util.List;
import java.util.Locale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.renovo.imaging.Percentiles;
import org.renovo.tensor.PixelType;
import org.renovo.tensor.ValueMapping;

/**
 * Robust normalisation for scientific images: each plane (one channel at one z and t) maps its own
 * {@value #LOW}th..{@value #HIGH}th percentiles onto the model's [0, 1] (the defaults of CSBDeep/CARE,
 * the convention of microscopy restoration models), and back with the same affine map. The few values
 * outside those percentiles map outside [0, 1] and pass through unclipped; how many is recorded.
 * 8-bit and RGB images keep their fixed [0, 255] mapping, which is what photo models were trained on.
 */
public final class PercentileMapping {

	public static final double LOW = 1, HIGH = 99.8;

	private PercentileMapping() {}

	/** {@code image} with robust per-plane mappings when it is 16- or 32-bit; else {@code image} itself. */
	public static ImageData apply(final ImageData image, final List<String> record) {
		if (image.pixelType() == PixelType.UINT8 || image.pixelType() == PixelType.RGB) return image;
		final ValueMapping[] mappings = new ValueMapping[image.planeCount()];
		for (int p = 0; p < mappings.length; p++) {
			final float[] values = values(image.components(p).get(0), image.width() * image.height());
			final double[] q = Percentiles.of(values, LOW, HIGH);
			if (q[1] > q[0]) {
				mappings[p] = ValueMapping.of(q[0], q[1]);
				record.add(String.format(Locale.ROOT, "Renovo: plane %d normalised by percentiles %.4g..%.4g (p%s..p%s) -> [0, 1]; %.2f %% of values lie outside and pass unclipped",
					p + 1, q[0], q[1], fmt(LOW), fmt(HIGH), 100.0 * outside(values, q[0], q[1]) / values.length));
			}
			else {
				mappings[p] = image.mapping(p);
				record.add("Renovo: plane " + (p + 1) + " is nearly constant (percentiles " + q[0] + ".." + q[1] + "), so it keeps the mapping " + mappings[p].describe());
			}
		}
		return new Remapped(image, mappings);
	}

	private static float[] values(final RandomAccessibleInterval<? extends RealType<?>> plane, final int size) {
		final float[] v = new float[size];
		int i = 0;
		for (final RealType<?> t : Views.flatIterable(plane))
			v[i++] = t.getRealFloat();
		return v;
	}

	private static long outside(final float[] values, final double low, final double high) {
		long n = 0;
		for (final float v : values)
			if (v < low || v > high) n++;
		return n;
	}

	private static String fmt(final double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}

	/** The same pixels, read without a copy, under other mappings. */
	private static final class Remapped implements ImageData {
		private final ImageData image;
		private final ValueMapping[] mappings;

		Remapped(final ImageData image, final ValueMapping[] mappings) {
			this.image = image;
			this.mappings = mappings;
		}

		@Override public int width() { return image.width(); }
		@Override public int height() { return image.height(); }
		@Override public PixelType pixelType() { return image.pixelType(); }
		@Override public int planeCount() { return image.planeCount(); }
		@Override public List<RandomAccessibleInterval<? extends RealType<?>>> components(final int index) { return image.components(index); }
		@Override public ValueMapping mapping(final int index) { return mappings[index]; }
	}
}
