package org.renovo.pipeline;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.renovo.tensor.PixelType;
import org.renovo.tensor.ValueMapping;

/**
 * A read-only image of one or more planes (ImageJ stack order: channel fastest, then slice, then
 * frame), each plane of {@link PixelType#components()} components of {@code width × height} pixels.
 * Implementations wrap the user's pixels without copying and must never write to them.
 */
public interface ImageData {

	int width();

	int height();

	PixelType pixelType();

	int planeCount();

	/** The components of plane {@code index}: one for grayscale, red, green and blue for RGB. */
	List<RandomAccessibleInterval<? extends RealType<?>>> components(int index);

	/** How plane {@code index}'s values map into the model's [0, 1]. */
	ValueMapping mapping(int index);
}
