package org.renovo.task;

import java.util.List;
import java.util.Locale;

import ij.ImagePlus;

import org.renovo.imagej.ImagePlusResult;
import org.renovo.pipeline.FloatImage;
import org.renovo.pipeline.RunMonitor;

/** The last step of every task: float planes into the input's pixel type, with the record as info. */
final class ResultImages {

	private ResultImages() {}

	static ImagePlus of(final ImagePlus input, final FloatImage image, final String title, final List<String> record, final RunMonitor monitor) {
		final ImagePlusResult sink = new ImagePlusResult(input, image.width(), image.height());
		for (int p = 0; p < image.planeCount(); p++)
			sink.accept(p, image.plane(p));
		return finish(sink, title, record, monitor);
	}

	/** The image {@code sink} received, with a warning (logged and recorded) when values were clamped. */
	static ImagePlus finish(final ImagePlusResult sink, final String title, final List<String> record, final RunMonitor monitor) {
		final ImagePlus out = sink.toImagePlus(title, "");
		final double values = (double) out.getWidth() * out.getHeight() * out.getStackSize() * (out.getType() == ImagePlus.COLOR_RGB ? 3 : 1);
		clampWarning(sink.clippedValues(), values, out, record, monitor);
		out.setProperty("Info", String.join("\n", record));
		return out;
	}

	/** Warns (logged and recorded) when {@code clipped} of {@code values} output values were clamped to {@code like}'s type. */
	static void clampWarning(final long clipped, final double values, final ImagePlus like, final List<String> record, final RunMonitor monitor) {
		if (clipped == 0) return;
		final String warning = String.format(Locale.ROOT, "Renovo: %d output values (%.3f %%) lay outside what the %s result holds and were clamped;"
			+ " a 32-bit copy of the input (Image > Type > 32-bit) keeps them.", clipped, 100 * clipped / values, like.getType() == ImagePlus.COLOR_RGB ? "RGB" : like.getBitDepth() + "-bit");
		// NB: photo models overshoot 0..1 by a few levels and the original programs clamp too, so for 8-bit and
		// RGB this is noted; 16-bit data clamped at 0 or 65535 is worth a warning.
		if (like.getType() == ImagePlus.GRAY16) monitor.warn(warning);
		else monitor.info(warning);
		record.add(warning);
	}
}
