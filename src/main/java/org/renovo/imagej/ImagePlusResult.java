package org.renovo.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.LUT;

import org.renovo.pipeline.PlaneSink;
import org.renovo.tensor.Quantizer;

/**
 * Builds the output {@link ImagePlus} of a run from the planes the pipeline delivers: the input's bit
 * depth, stack order and hyperstack dimensions, LUTs and display ranges, and its calibration with pixel
 * width and height divided by the scale (and the origin, in pixels, multiplied by it). The scale is
 * given up front, or read from the first plane's size, so a caller need not know the model's geometry
 * before the run.
 */
public final class ImagePlusResult implements PlaneSink {

	private final ImagePlus input;
	private int scale;
	private ImageStack stack;

	public ImagePlusResult(final ImagePlus input, final int scale) {
		this(input);
		allocate(scale);
	}

	/** A result whose scale is that of the first plane it receives. */
	public ImagePlusResult(final ImagePlus input) {
		this.input = input;
	}

	/** @throws IllegalArgumentException when the plane is not the input plane scaled by a whole number */
	@Override
	public void accept(final int index, final float[][] c) {
		if (stack == null) allocate(scaleOf(c[0].length));
		stack.setPixels(pixels(c), index + 1);
		stack.setSliceLabel(input.getStack().getSliceLabel(index + 1), index + 1);
	}

	private void allocate(final int s) {
		scale = s;
		stack = new ImageStack(input.getWidth() * s, input.getHeight() * s, input.getStackSize());
	}

	private int scaleOf(final int length) {
		final long area = (long) input.getWidth() * input.getHeight();
		final int s = (int) Math.round(Math.sqrt((double) length / area));
		if (s < 1 || s * (long) s * area != length) throw new IllegalArgumentException("A plane of " + length + " values is not the " + input.getWidth() + "x" + input.getHeight() + " input scaled by a whole number.");
		return s;
	}

	private Object pixels(final float[][] c) {
		switch (input.getType()) {
			case ImagePlus.GRAY8: return Quantizer.toUnsigned8(c[0]);
			case ImagePlus.GRAY16: return Quantizer.toUnsigned16(c[0]);
			case ImagePlus.COLOR_RGB: return Quantizer.toRgb(c[0], c[1], c[2]);
			default: return c[0];
		}
	}

	/**
	 * The finished image, titled {@code title}, with {@code info} recorded as its "Info" property.
	 *
	 * @throws IllegalStateException when no plane has arrived and the scale was not given
	 */
	public ImagePlus toImagePlus(final String title, final String info) {
		if (stack == null) throw new IllegalStateException("No output plane arrived, so the output size is unknown.");
		ImagePlus out = new ImagePlus(title, stack);
		out.setDimensions(input.getNChannels(), input.getNSlices(), input.getNFrames());
		if (input.isHyperStack()) out.setOpenAsHyperStack(true);
		if (input instanceof CompositeImage && input.getNChannels() > 1) out = composite(out);
		else copyDisplay(out);
		out.setCalibration(scaled(input.getCalibration()));
		out.setProperty("Info", info);
		return out;
	}

	private ImagePlus composite(final ImagePlus out) {
		final CompositeImage in = (CompositeImage) input;
		final CompositeImage c = new CompositeImage(out, in.getMode());
		for (int ch = 1; ch <= in.getNChannels(); ch++) {
			final LUT lut = (LUT) in.getChannelLut(ch).clone();
			c.setChannelLut(lut, ch);
		}
		return c;
	}

	private void copyDisplay(final ImagePlus out) {
		if (input.getType() != ImagePlus.COLOR_RGB) out.getProcessor().setLut(input.getProcessor().getLut());
		out.setDisplayRange(input.getDisplayRangeMin(), input.getDisplayRangeMax());
	}

	private Calibration scaled(final Calibration c) {
		final Calibration s = c.copy();
		s.pixelWidth = c.pixelWidth / scale;
		s.pixelHeight = c.pixelHeight / scale;
		s.xOrigin = c.xOrigin * scale;
		s.yOrigin = c.yOrigin * scale;
		return s;
	}
}
