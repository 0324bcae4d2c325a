package org.renovo.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.renovo.error.UnsupportedImageException;
import org.renovo.imaging.BlockinessEstimator;
import org.renovo.pipeline.ImageData;

/**
 * Advice before a run, each line saying what to do instead: an image too small to restore much, JPEG
 * blocking an upscale would sharpen, a scale the input cannot support. Advice only warns (log and
 * status bar, never a dialog, so macros keep running); only a result ImageJ cannot hold at all is refused.
 */
final class Preflight {

	/** NB: below this short side, photo models have too little context and detail to work with. */
	static final int SMALL_SIDE = 200;
	/** Block-boundary strength above which JPEG blocking is plainly visible (see {@link BlockinessEstimator}). */
	static final double STRONG_BLOCKING = 1.5;
	/** NB: beyond 4x a model invents far more pixels than the input holds. */
	static final double LARGE_SCALE = 4;

	private Preflight() {}

	static List<String> forUpscale(final ImageData image, final double scale) {
		final List<String> advice = new ArrayList<>();
		small(image, advice);
		blocking(image, advice);
		scale(image, scale, advice);
		return advice;
	}

	/**
	 * As {@link #forUpscale} without the memory checks: a streamed result is never held. NB: the blocking
	 * estimate reads the first plane into floats, so it is left out when that copy would take more than a
	 * quarter of the free heap.
	 */
	static List<String> forStreamedUpscale(final ImageData image) {
		final List<String> advice = new ArrayList<>();
		small(image, advice);
		if (4.0 * image.width() * image.height() < freeHeap() / 4) blocking(image, advice);
		return advice;
	}

	/** Bytes an in-memory result takes: the output stack in ImageJ's types plus one plane of float blending sums (3 channels and a weight). */
	static double resultBytes(final ImageData image, final double scale) {
		final double pixels = (double) image.width() * image.height() * scale * scale;
		return pixels * (image.planeCount() * (image.pixelType() == org.renovo.tensor.PixelType.RGB ? 4 : bytesPerPixel(image)) + 4 * 4);
	}

	/** Heap free now: the limit minus what is in use. */
	static double freeHeap() {
		final Runtime r = Runtime.getRuntime();
		return r.maxMemory() - (r.totalMemory() - r.freeMemory());
	}

	static List<String> forRestore(final ImageData image, final double scale) {
		final List<String> advice = new ArrayList<>();
		small(image, advice);
		if (scale > 1) scale(image, scale, advice);
		return advice;
	}

	static List<String> forDenoise(final ImageData image) {
		final List<String> advice = new ArrayList<>();
		small(image, advice);
		return advice;
	}

	/** The JPEG block-edge strength of the first plane's luminance. */
	static double blocking(final ImageData image) {
		return BlockinessEstimator.strength(Luminance.of(image, 0), image.width(), image.height());
	}

	private static void blocking(final ImageData image, final List<String> advice) {
		final double blocking = blocking(image);
		if (blocking > STRONG_BLOCKING)
			advice.add(String.format(Locale.ROOT, "Renovo: this image shows strong JPEG blocking (block-edge strength %.2f, 1 = none); an upscale sharpens the 8x8 blocks."
				+ " Use Plugins > Renovo > Restore (noise_level=auto, with upscale_model) or run Denoise first.", blocking));
	}

	private static void small(final ImageData image, final List<String> advice) {
		final int side = Math.min(image.width(), image.height());
		if (side < SMALL_SIDE)
			advice.add("Renovo: the image is only " + image.width() + "x" + image.height() + " px (short side under " + SMALL_SIDE + " px), too little for a model to restore much;"
				+ " use a larger scan or the original file if there is one, and judge the result at 100 % zoom.");
	}

	private static void scale(final ImageData image, final double scale, final List<String> advice) {
		final double pixels = (double) image.width() * image.height() * scale * scale;
		if (pixels > Integer.MAX_VALUE)
			throw new UnsupportedImageException(String.format(Locale.ROOT, "A %dx%d image at scale %s makes planes of %.2e pixels, more than ImageJ can hold (2^31 - 1):"
				+ " choose a smaller scale, upscale the image in parts (Image > Crop), or stream it to a BigTIFF (renovo upscale --output result.tif --bigtiff yes).", image.width(), image.height(), format(scale), pixels));
		if (scale > LARGE_SCALE)
			advice.add("Renovo: scale " + format(scale) + " asks the model to invent " + Math.round(100 * (1 - 1 / (scale * scale))) + " % of the output pixels;"
				+ " above " + format(LARGE_SCALE) + "x results look painted. Upscale at 4x or less and enlarge further with Image > Scale if a print needs it.");
		final double bytes = pixels * image.planeCount() * bytesPerPixel(image);
		final double free = Runtime.getRuntime().maxMemory() - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
		if (bytes > free)
			advice.add(String.format(Locale.ROOT, "Renovo: the result needs about %d MB but only %d MB of memory are free; raise the limit in Edit > Options > Memory & Threads,"
				+ " choose a smaller scale, or process the stack in parts.", (long) (bytes / (1 << 20)), (long) (free / (1 << 20))));
	}

	private static int bytesPerPixel(final ImageData image) {
		switch (image.pixelType()) {
			case UINT8: return 1;
			case UINT16: return 2;
			default: return 4;
		}
	}

	private static String format(final double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
	}
}
