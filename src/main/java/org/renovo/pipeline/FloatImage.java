package org.renovo.pipeline;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

import org.renovo.tensor.PixelType;
import org.renovo.tensor.ValueMapping;

/**
 * An image between two steps of a task (denoise, then upscale, then colour): float planes in the
 * original image's units, with the original's pixel type (so an RGB image still routes as three
 * components) and its per-plane value mappings. Unclipped and unrounded: only the final result is
 * quantised. It is both what a model run writes ({@link PlaneSink}) and what the next step reads
 * ({@link ImageData}); the arrays are shared, not copied.
 */
public final class FloatImage implements ImageData, PlaneSink {

	private final int width, height;
	private final PixelType type;
	private final float[][][] planes;
	private final ValueMapping[] mappings;

	/** An empty image to be filled by {@link #accept}, with the mappings of {@code like}'s planes. */
	public FloatImage(final int width, final int height, final ImageData like) {
		this(width, height, like.pixelType(), new float[like.planeCount()][][], mappingsOf(like));
	}

	public FloatImage(final int width, final int height, final PixelType type, final float[][][] planes, final ValueMapping[] mappings) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("Image size must be positive, got " + width + "x" + height);
		if (planes.length != mappings.length) throw new IllegalArgumentException(planes.length + " planes but " + mappings.length + " mappings");
		this.width = width;
		this.height = height;
		this.type = type;
		this.planes = planes;
		this.mappings = mappings;
	}

	/** Every plane of {@code image} read into floats (for a step that must see the original's values). */
	public static FloatImage copyOf(final ImageData image) {
		final float[][][] planes = new float[image.planeCount()][][];
		for (int p = 0; p < planes.length; p++) {
			final List<RandomAccessibleInterval<? extends RealType<?>>> components = image.components(p);
			planes[p] = new float[components.size()][];
			for (int c = 0; c < components.size(); c++)
				planes[p][c] = read(components.get(c), image.width(), image.height());
		}
		return new FloatImage(image.width(), image.height(), image.pixelType(), planes, mappingsOf(image));
	}

	private static float[] read(final RandomAccessibleInterval<? extends RealType<?>> plane, final int width, final int height) {
		final float[] values = new float[width * height];
		int i = 0;
		// NB: flat iteration order of the 2-D images ImageData gives is row-major.
		for (final RealType<?> v : net.imglib2.view.Views.flatIterable(plane))
			values[i++] = v.getRealFloat();
		return values;
	}

	private static ValueMapping[] mappingsOf(final ImageData image) {
		final ValueMapping[] m = new ValueMapping[image.planeCount()];
		for (int p = 0; p < m.length; p++)
			m[p] = image.mapping(p);
		return m;
	}

	@Override public int width() { return width; }
	@Override public int height() { return height; }
	@Override public PixelType pixelType() { return type; }
	@Override public int planeCount() { return planes.length; }
	@Override public ValueMapping mapping(final int index) { return mappings[index]; }

	/** The values of plane {@code index}, one row-major array per component; shared, not copied. */
	public float[][] plane(final int index) {
		if (planes[index] == null) throw new IllegalStateException("Plane " + index + " has not been written yet.");
		return planes[index];
	}

	@Override
	public List<RandomAccessibleInterval<? extends RealType<?>>> components(final int index) {
		final List<RandomAccessibleInterval<? extends RealType<?>>> list = new ArrayList<>();
		for (final float[] c : plane(index))
			list.add(ArrayImgs.floats(c, width, height));
		return list;
	}

	@Override
	public void accept(final int index, final float[][] components) {
		for (final float[] c : components)
			if (c.length != (long) width * height) throw new IllegalArgumentException("A plane of " + c.length + " values does not fit a " + width + "x" + height + " image.");
		planes[index] = components;
	}

	/** The same planes with other mappings (e.g. robust percentiles chosen per plane). */
	public FloatImage withMappings(final ValueMapping[] replacement) {
		return new FloatImage(width, height, type, planes, replacement.clone());
	}
}
