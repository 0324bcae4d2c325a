package org.renovo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.renovo.pipeline.ImageData;
import org.renovo.tensor.PixelType;
import org.renovo.tensor.ValueMapping;

/**
 * A one-plane 8-bit RGB {@link ImageData} held in memory, as three {@link ArrayImgs} planes: what an
 * {@code ImagePlus} of type RGB becomes at the pipeline's edge, without ImageJ. Immutable.
 */
final class RgbImage implements ImageData {

	private final int width, height;
	private final List<RandomAccessibleInterval<? extends RealType<?>>> components;

	private RgbImage(final int width, final int height, final List<RandomAccessibleInterval<? extends RealType<?>>> components) {
		this.width = width;
		this.height = height;
		this.components = Collections.unmodifiableList(components);
	}

	/**
	 * A seeded image of smooth gradients plus noise. NB: the content does not change the model's work
	 * (dense convolutions); it only has to be a plausible photograph-like range of values.
	 */
	static RgbImage random(final int width, final int height, final long seed) {
		final Random random = new Random(seed);
		final List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
		for (int c = 0; c < 3; c++)
			planes.add(plane(width, height, c, random));
		return new RgbImage(width, height, planes);
	}

	private static ArrayImg<UnsignedByteType, ByteArray> plane(final int width, final int height, final int c, final Random random) {
		final byte[] bytes = new byte[width * height];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final double smooth = 127.5 * (1 + Math.sin((x + 40 * c) / 37.0) * Math.cos(y / 53.0));
				bytes[y * width + x] = (byte) Math.max(0, Math.min(255, (int) (smooth + random.nextGaussian() * 12)));
			}
		return ArrayImgs.unsignedBytes(bytes, width, height);
	}

	@Override public int width() { return width; }
	@Override public int height() { return height; }
	@Override public PixelType pixelType() { return PixelType.RGB; }
	@Override public int planeCount() { return 1; }
	@Override public List<RandomAccessibleInterval<? extends RealType<?>>> components(final int index) { return components; }
	@Override public ValueMapping mapping(final int index) { return ValueMapping.forType(PixelType.RGB, 0, 255, 0, 255); }

	/** Megapixels of the model's output for a model of {@code scale}. */
	double outputMegapixels(final int scale) {
		return (double) width * scale * height * scale / 1e6;
	}
}
