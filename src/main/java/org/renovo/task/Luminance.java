package org.renovo.task;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.renovo.pipeline.ImageData;
import org.renovo.tensor.ValueMapping;

/**
 * A plane's brightness in 8-bit units, what the estimators of noise and JPEG blocking measure:
 * RGB by the Rec. 601 weights JPEG itself uses for its Y channel, grey values through the plane's value
 * mapping (so a 16-bit image is measured as the user sees it).
 */
final class Luminance {

	private Luminance() {}

	static float[] of(final ImageData image, final int plane) {
		final List<RandomAccessibleInterval<? extends RealType<?>>> c = image.components(plane);
		final float[] y = new float[image.width() * image.height()];
		if (c.size() == 3) {
			add(y, c.get(0), 0.299f);
			add(y, c.get(1), 0.587f);
			add(y, c.get(2), 0.114f);
			return y;
		}
		add(y, c.get(0), 1f);
		final ValueMapping map = image.mapping(plane);
		for (int i = 0; i < y.length; i++)
			y[i] = 255f * map.toModel(y[i]);
		return y;
	}

	private static void add(final float[] y, final RandomAccessibleInterval<? extends RealType<?>> component, final float weight) {
		int i = 0;
		for (final RealType<?> v : Views.flatIterable(component))
			y[i++] += weight * v.getRealFloat();
	}
}
