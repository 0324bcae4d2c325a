package org.renovo.command;

import java.util.Arrays;
import java.util.Random;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

/** Seeded test images of every ImageJ type, and a fingerprint of everything a run must leave alone. */
final class TestImages {

	private TestImages() {}

	/** A {@code width × height × planes} image of {@code bitDepth} (8, 16, 32 or 24 for RGB), random values below {@code max}. */
	static ImagePlus random(final String title, final int bitDepth, final int width, final int height, final int planes, final int max) {
		final Random random = new Random(42);
		final ImageStack stack = new ImageStack(width, height);
		for (int p = 0; p < planes; p++)
			stack.addSlice("plane " + (p + 1), pixels(random, bitDepth, width * height, max));
		return new ImagePlus(title, stack);
	}

	/** A 16-bit composite of 2 channels × 3 slices × 2 frames, each channel with its own display range. */
	static CompositeImage hyperstack() {
		final ImagePlus imp = random("hyper.tif", 16, 24, 20, 12, 60000);
		imp.setDimensions(2, 3, 2);
		final CompositeImage c = new CompositeImage(imp, IJ.COMPOSITE);
		c.setOpenAsHyperStack(true);
		c.setPosition(1, 1, 1);
		c.setDisplayRange(100, 30000);
		c.setPosition(2, 1, 1);
		c.setDisplayRange(0, 65535);
		return c;
	}

	/** Pixels of every plane, display range, calibration and title: equal before and after means untouched. */
	static String fingerprint(final ImagePlus imp) {
		final StringBuilder s = new StringBuilder(imp.getTitle()).append('|').append(imp.getDisplayRangeMin()).append('-').append(imp.getDisplayRangeMax());
		final Calibration c = imp.getCalibration();
		s.append('|').append(c.pixelWidth).append(',').append(c.pixelHeight).append(',').append(c.getUnit()).append(',').append(c.xOrigin);
		if (imp instanceof CompositeImage)
			for (int ch = 1; ch <= imp.getNChannels(); ch++)
				s.append("|lut").append(((CompositeImage) imp).getChannelLut(ch).min).append('-').append(((CompositeImage) imp).getChannelLut(ch).max);
		for (int p = 1; p <= imp.getStackSize(); p++)
			s.append('|').append(hash(imp.getStack().getPixels(p)));
		return s.toString();
	}

	static int hash(final Object pixels) {
		if (pixels instanceof byte[]) return Arrays.hashCode((byte[]) pixels);
		if (pixels instanceof short[]) return Arrays.hashCode((short[]) pixels);
		if (pixels instanceof float[]) return Arrays.hashCode((float[]) pixels);
		return Arrays.hashCode((int[]) pixels);
	}

	private static Object pixels(final Random random, final int bitDepth, final int n, final int max) {
		switch (bitDepth) {
			case 8: { final byte[] a = new byte[n]; for (int i = 0; i < n; i++) a[i] = (byte) random.nextInt(max + 1); return a; }
			case 16: { final short[] a = new short[n]; for (int i = 0; i < n; i++) a[i] = (short) random.nextInt(max + 1); return a; }
			case 32: { final float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = random.nextFloat() * max; return a; }
			default: { final int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = random.nextInt(1 << 24); return a; }
		}
	}
}
