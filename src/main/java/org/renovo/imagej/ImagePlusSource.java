package org.renovo.imagej;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.LUT;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

import org.renovo.error.UnsupportedImageException;
import org.renovo.pipeline.ImageData;
import org.renovo.tensor.PixelType;
import org.renovo.tensor.ValueMapping;

/**
 * An {@link ImagePlus} seen as {@link ImageData}: each stack plane's pixel array wrapped by ImgLib2
 * without a copy (imglib2-ij is not on Maven Central, so this is the few lines it would give). Reads only;
 * the image, its processors and its display settings are never changed.
 */
public final class ImagePlusSource implements ImageData {

	private final ImagePlus image;
	private final ImageStack stack;
	private final PixelType type;

	private ImagePlusSource(final ImagePlus image, final PixelType type) {
		this.image = image;
		this.stack = image.getStack();
		this.type = type;
	}

	/** @throws UnsupportedImageException for indexed-colour images and anything ImageJ cannot give pixels of */
	public static ImagePlusSource of(final ImagePlus image) {
		return new ImagePlusSource(image, typeOf(image));
	}

	@Override public int width() { return image.getWidth(); }
	@Override public int height() { return image.getHeight(); }
	@Override public PixelType pixelType() { return type; }
	@Override public int planeCount() { return image.getStackSize(); }

	@Override
	public List<RandomAccessibleInterval<? extends RealType<?>>> components(final int index) {
		final Object pixels = stack.getPixels(index + 1);
		final long w = width(), h = height();
		switch (type) {
			case UINT8: return Collections.singletonList(ArrayImgs.unsignedBytes((byte[]) pixels, w, h));
			case UINT16: return Collections.singletonList(ArrayImgs.unsignedShorts((short[]) pixels, w, h));
			case FLOAT32: return Collections.singletonList(ArrayImgs.floats((float[]) pixels, w, h));
			default:
				final RandomAccessibleInterval<net.imglib2.type.numeric.ARGBType> argb = ArrayImgs.argbs((int[]) pixels, w, h);
				return Arrays.asList(Converters.argbChannel(argb, 1), Converters.argbChannel(argb, 2), Converters.argbChannel(argb, 3));
		}
	}

	@Override
	public ValueMapping mapping(final int index) {
		if (type == PixelType.UINT8 || type == PixelType.RGB) return ValueMapping.forType(type, 0, 255, 0, 255);
		final double[] display = displayRange(index);
		if (display[1] > display[0]) return ValueMapping.forType(type, display[0], display[1], 0, 0);
		final double[] data = dataRange(stack.getPixels(index + 1));
		return ValueMapping.forType(type, 0, 0, data[0], data[1]);
	}

	/** NB: a composite image keeps one display range per channel in its LUTs; others one for all planes. */
	private double[] displayRange(final int index) {
		if (image instanceof CompositeImage && image.getNChannels() > 1) {
			final int channel = image.convertIndexToPosition(index + 1)[0];
			final LUT lut = ((CompositeImage) image).getChannelLut(channel);
			return new double[] { lut.min, lut.max };
		}
		return new double[] { image.getDisplayRangeMin(), image.getDisplayRangeMax() };
	}

	private static double[] dataRange(final Object pixels) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		if (pixels instanceof short[])
			for (final short v : (short[]) pixels) { min = Math.min(min, v & 0xffff); max = Math.max(max, v & 0xffff); }
		else
			for (final float v : (float[]) pixels) if (Float.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
		return min <= max ? new double[] { min, max } : new double[] { 0, 0 };
	}

	private static PixelType typeOf(final ImagePlus image) {
		switch (image.getType()) {
			case ImagePlus.GRAY8: return PixelType.UINT8;
			case ImagePlus.GRAY16: return PixelType.UINT16;
			case ImagePlus.GRAY32: return PixelType.FLOAT32;
			case ImagePlus.COLOR_RGB: return PixelType.RGB;
			case ImagePlus.COLOR_256: throw new UnsupportedImageException("Image '" + image.getTitle() + "' is 8-bit indexed colour, whose values are palette entries, not intensities: convert it with Image > Type > RGB Color first.");
			default: throw new UnsupportedImageException("Image '" + image.getTitle() + "' has ImageJ type " + image.getType() + ", which Renovo cannot read: use 8-bit, 16-bit, 32-bit or RGB.");
		}
	}
}
