package org.renovo.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

import org.renovo.pipeline.ImageData;
import org.renovo.pipeline.PlaneSink;
import org.renovo.tensor.PixelType;
import org.renovo.tensor.ValueMapping;

/** Seeded random float images in the model range, as {@link ImageData}, and a sink that keeps the output. */
public final class TestImages {

	private TestImages() {}

	/** One plane of {@code components} float components in [0, 1), mapped 1:1 into the model. */
	public static ImageData random(final int width, final int height, final int components, final long seed) {
		final Random r = new Random(seed);
		final List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
		for (int c = 0; c < components; c++) {
			final float[] v = new float[width * height];
			for (int i = 0; i < v.length; i++)
				v[i] = r.nextFloat();
			planes.add(ArrayImgs.floats(v, width, height));
		}
		return new ImageData() {
			@Override public int width() { return width; }
			@Override public int height() { return height; }
			@Override public PixelType pixelType() { return components == 3 ? PixelType.RGB : PixelType.FLOAT32; }
			@Override public int planeCount() { return 1; }
			@Override public List<RandomAccessibleInterval<? extends RealType<?>>> components(final int index) { return planes; }
			@Override public ValueMapping mapping(final int index) { return ValueMapping.of(0, 1); }
		};
	}

	/** Keeps every plane it receives. */
	public static final class Collector implements PlaneSink {
		public final List<float[][]> planes = new ArrayList<>();

		@Override
		public void accept(final int index, final float[][] components) {
			while (planes.size() <= index) planes.add(null);
			planes.set(index, components);
		}

		public float[] flat() {
			final List<Float> all = new ArrayList<>();
			for (final float[][] p : planes) for (final float[] c : p) for (final float v : c) all.add(v);
			final float[] out = new float[all.size()];
			for (int i = 0; i < out.length; i++) out[i] = all.get(i);
			return out;
		}
	}

	public static double maxAbsDiff(final float[] a, final float[] b) {
		if (a.length != b.length) throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
		return m;
	}

	public static double psnr(final float[] a, final float[] b, final double peak) {
		double se = 0;
		for (int i = 0; i < a.length; i++) se += (a[i] - b[i]) * (double) (a[i] - b[i]);
		final double mse = se / a.length;
		return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(peak * peak / mse);
	}

	static String describe(final float[] v) {
		return Arrays.toString(Arrays.copyOf(v, Math.min(8, v.length)));
	}
}
