package org.renovo.task;

import java.util.List;

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

	/** The image {@code sink} received, with a warning (logged and recorded) when values were clipped. */
	static ImagePlus finish(final ImagePlusResult sink, final String title, final List<String> record, final RunMonitor monitor) {
		final long clipped = sink.clippedValues();
		if (clipped > 0) {
			final String warning = "Renovo: " + clipped + " output values lay outside the range of the image's pixel type and were clamped to it"
				+ " (convert the input to 32-bit with Image > Type > 32-bit to keep them).";
			monitor.warn(warning);
			record.add(warning);
		}
		return sink.toImagePlus(title, String.join("\n", record));
	}
}
