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
 * width and height divided by the scale (and the origin, in pixels, multiplied by it).
 */
public final class ImagePlusResult implements PlaneSink {

	private final ImagePlus input;
	private final int scale;
	private final ImageStack stack;

	public ImagePlusResult(final ImagePlus input, final int scale) {
		this.input = input;
		this.scale = scale;
		this.stack = new ImageStack(input.getWidth() * scale, input.getHeight() * scale, input.getStackSize());
	}

	@Override
	public void accept(final int index, final float[][] c) {
		stack.setPixels(pixels(c), index + 1);
		stack.setSliceLabel(input.getStack().getSliceLabel(index + 1), index + 1);
	}

	private Object pixels(final float[][] c) {
		switch (input.getType()) {
			case ImagePlus.GRAY8: return Quantizer.toUnsigned8(c[0]);
			case ImagePlus.GRAY16: return Quantizer.toUnsigned16(c[0]);
			case ImagePlus.COLOR_RGB: return Quantizer.toRgb(c[0], c[1], c[2]);
			default: return c[0];
		}
	}

	/** The finished image, titled {@code title}, with {@code info} recorded as its "Info" property. */
	public ImagePlus toImagePlus(final String title, final String info) {
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
