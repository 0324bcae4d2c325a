package org.renovo.task;

import java.util.Locale;

import org.renovo.imaging.BlockinessEstimator;
import org.renovo.imaging.NoiseEstimator;
import org.renovo.pipeline.ImageData;

/**
 * The waifu2x noise level (0..3, or none) an image needs, estimated from its first plane's luminance:
 * JPEG blocking from the 8x8 block-edge strength, other noise from a robust estimate of its standard
 * deviation in 8-bit units; the stronger of the two wins. waifu2x's levels were trained on JPEG
 * qualities from about 95 (level 0) down to about 50 and below (level 3); the thresholds put the
 * estimators' readings on that scale. NB: fur and foliage read as a sigma of about 1.9 on a clean photo
 * (skimage's chelsea), so level 0 starts at 2.
 */
final class ArtefactLevel {

	/** No level: the image is clean enough that a denoise would only soften it. */
	static final int NONE = -1;

	static final double[] BLOCKING_THRESHOLDS = { 1.15, 1.3, 1.6, 2.2 };
	static final double[] SIGMA_THRESHOLDS = { 2, 4, 7, 12 };

	private final int level;
	private final String record;

	private ArtefactLevel(final int level, final String record) {
		this.level = level;
		this.record = record;
	}

	static ArtefactLevel estimate(final ImageData image) {
		final float[] y = Luminance.of(image, 0);
		final double blocking = BlockinessEstimator.strength(y, image.width(), image.height());
		final double sigma = image.width() >= 3 && image.height() >= 3 ? NoiseEstimator.sigma(y, image.width(), image.height()) : 0;
		final int level = Math.max(level(blocking, BLOCKING_THRESHOLDS), level(sigma, SIGMA_THRESHOLDS));
		return new ArtefactLevel(level, String.format(Locale.ROOT, "Renovo: artefacts estimated: JPEG block-edge strength %.2f (1 = none), noise sigma %.2f (8-bit units) -> %s",
			blocking, sigma, level == NONE ? "no denoise" : "noise level " + level));
	}

	/** {@link #NONE} below the first threshold, else the index of the last threshold reached. */
	static int level(final double value, final double[] thresholds) {
		int level = NONE;
		for (int i = 0; i < thresholds.length; i++)
			if (value >= thresholds[i]) level = i;
		return level;
	}

	int level() { return level; }
	String record() { return record; }
}
