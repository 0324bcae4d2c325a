package org.renovo.task;

import java.util.Locale;

import ij.ImagePlus;

import org.renovo.error.InvalidOptionsException;

/**
 * When a result is streamed to a tiled BigTIFF rather than built in memory: {@code auto} when it would
 * not fit the free heap ({@link StreamingTask#exceedsMemory}), {@code yes} always, {@code no} never.
 */
public enum BigTiffChoice {
	AUTO, YES, NO;

	/** @throws InvalidOptionsException for a word other than auto, yes or no */
	public static BigTiffChoice parse(final String word) {
		try {
			return valueOf(word.trim().toUpperCase(Locale.ROOT));
		}
		catch (final IllegalArgumentException e) {
			throw new InvalidOptionsException("--bigtiff must be auto, yes or no, got '" + word + "'", e);
		}
	}

	/** True when {@code task}'s result for {@code input} goes to a BigTIFF; only TIFF outputs can be. */
	public boolean streams(final ImageTask task, final ImagePlus input, final boolean tiffOutput) {
		if (this == NO || !tiffOutput || !(task instanceof StreamingTask)) return false;
		return this == YES || ((StreamingTask) task).exceedsMemory(input);
	}
}
