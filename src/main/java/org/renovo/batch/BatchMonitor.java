package org.renovo.batch;

import java.nio.file.Path;
import java.util.Locale;

import org.renovo.pipeline.RunMonitor;

/**
 * What a batch reports to its caller: one call per file (index counts from 1 to {@code total}, every
 * matching file, skipped ones included), and, as a {@link RunMonitor}, each file's tile progress and log
 * lines. {@link #isCancelled()} is asked before every file and every tile; true stops the batch after
 * the current tile, and finished files are kept. The defaults do nothing and never cancel.
 */
public interface BatchMonitor extends RunMonitor {

	BatchMonitor NONE = new BatchMonitor() {};

	/** Work on {@code input} begins. */
	default void started(final int index, final int total, final Path input) {}

	/** {@code output} is written; the file took {@code seconds}, the rest of the batch needs about {@code secondsLeft}. */
	default void done(final int index, final int total, final Path input, final Path output, final double seconds, final double secondsLeft) {}

	/** {@code output} was finished by an earlier run and is kept as it is. */
	default void skipped(final int index, final int total, final Path input, final Path output) {}

	/** {@code input} failed for {@code reason} (one line); the batch goes on with the next file. */
	default void failed(final int index, final int total, final Path input, final String reason) {}

	/** A time left for people: {@code 42 s}, {@code 8 min} or {@code 2.5 h}. */
	static String duration(final double seconds) {
		if (seconds < 90) return Math.round(seconds) + " s";
		if (seconds < 90 * 60) return Math.round(seconds / 60) + " min";
		return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
	}
}
