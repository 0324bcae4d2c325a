package org.renovo.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.LUT;

import org.renovo.pipeline.BandSink;
import org.renovo.pipeline.PlaneSink;
import org.renovo.tensor.Quantizer;

/**
 * Builds the output {@link ImagePlus} of a run from the planes the pipeline delivers: the input's bit
 * depth, stack order and hyperstack dimensions, LUTs and display ranges, and its calibration with pixel
 * width and height divided by the scale (and the origin, in pixels, multiplied by it). The scale is
 * given up front, or read from the first plane's size, so a caller need not know the model's geometry
 * before the run.
 */
public final class ImagePlusResult implements PlaneSink, BandSink {

	private final ImagePlus input;
	private ImageStack stack;
	private long clipped;

	public ImagePlusResult(final ImagePlus input, final int scale) {
		this(input, input.getWidth() * scale, input.getHeight() * scale);
	}

	/** A result of any size: a scale that is not a whole number, or differs between the axes after rounding. */
	public ImagePlusResult(final ImagePlus input, final int width, final int height) {
		this(input);
		stack = new ImageStack(width, height, input.getStackSize());
	}

	/** A result whose scale is that of the first plane it receives. */
	public ImagePlusResult(final ImagePlus input) {
		this.input = input;
	}

	/** @throws IllegalArgumentException when the plane is not the input plane scaled by a whole number */
	@Override
	public void accept(final int index, final float[][] c) {
		if (stack == null) allocate(scaleOf(c[0].length));
		for (final float[] component : c)
			clipped += Quantizer.outOfRange(component, maximum());
		stack.setPixels(pixels(c), index + 1);
		stack.setSliceLabel(input.getStack().getSliceLabel(index + 1), index + 1);
	}

	/** Rows as they are finished: the plane's pixels are allocated once, and no float copy of it is kept. */
	@Override
	public int rowMultiple() {
		return 1;
	}

	@Override
	public boolean acceptsRepeats() {
		return true;
	}

	@Override
	public void accept(final int plane, final int y, final float[][] c) {
		if (stack == null) throw new IllegalStateException("A band result needs its size up front: construct it with a scale or a size.");
		for (final float[] component : c)
			clipped += Quantizer.outOfRange(component, maximum());
		Object pixels = stack.getPixels(plane + 1);
		if (pixels == null) {
			pixels = newPlane();
			stack.setPixels(pixels, plane + 1);
			stack.setSliceLabel(input.getStack().getSliceLabel(plane + 1), plane + 1);
		}
		final int offset = y * stack.getWidth();
		switch (input.getType()) {
			case ImagePlus.GRAY8: Quantizer.toUnsigned8(c[0], (byte[]) pixels, offset); break;
			case ImagePlus.GRAY16: Quantizer.toUnsigned16(c[0], (short[]) pixels, offset); break;
			case ImagePlus.COLOR_RGB: Quantizer.toRgb(c[0], c[1], c[2], (int[]) pixels, offset); break;
			default: System.arraycopy(c[0], 0, (float[]) pixels, offset, c[0].length);
		}
	}

	private Object newPlane() {
		final int n = stack.getWidth() * stack.getHeight();
		switch (input.getType()) {
			case ImagePlus.GRAY8: return new byte[n];
			case ImagePlus.GRAY16: return new short[n];
			case ImagePlus.COLOR_RGB: return new int[n];
			default: return new float[n];
		}
	}

	private void allocate(final int s) {
		stack = new ImageStack(input.getWidth() * s, input.getHeight() * s, input.getStackSize());
	}

	private int scaleOf(final int length) {
		final long area = (long) input.getWidth() * input.getHeight();
		final int s = (int) Math.round(Math.sqrt((double) length / area));
		if (s < 1 || s * (long) s * area != length) throw new IllegalArgumentException("A plane of " + length + " values is not the " + input.getWidth() + "x" + input.getHeight() + " input scaled by a whole number.");
		return s;
	}

	/** The largest value the input's type holds, or infinity for 32-bit, which is never clipped. */
	private double maximum() {
		switch (input.getType()) {
			case ImagePlus.GRAY16: return 65535;
			case ImagePlus.GRAY32: return Double.POSITIVE_INFINITY;
			default: return 255;
		}
	}

	/**
	 * How many values so far lay outside the output type's range (or were NaN) and were clamped on
	 * writing; callers report a non-zero count, so no value is clipped silently.
	 */
	public long clippedValues() {
		return clipped;
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

	/** NB: per axis, from the actual sizes, so a scale of 1.5 on an odd width stays exact in physical units. */
	private Calibration scaled(final Calibration c) {
		final Calibration s = c.copy();
		final double sx = (double) stack.getWidth() / input.getWidth(), sy = (double) stack.getHeight() / input.getHeight();
		s.pixelWidth = c.pixelWidth / sx;
		s.pixelHeight = c.pixelHeight / sy;
		s.xOrigin = c.xOrigin * sx;
		s.yOrigin = c.yOrigin * sy;
		return s;
	}
}
