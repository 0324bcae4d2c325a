package org.renovo.pipeline;

/**
 * What a run reports to and asks of its caller: progress after every tile, a cancel check before every
 * tile, and log lines. The defaults do nothing and never cancel; commands and the CLI adapt this to
 * their own status bar, cancel button and log.
 */
public interface RunMonitor {

	RunMonitor NONE = new RunMonitor() {};

	/** {@code done} of {@code total} tiles are finished; about {@code secondsLeft} remain (NaN before the first tile). */
	default void progress(final int done, final int total, final double secondsLeft) {}

	/** Checked before every tile; true stops the run with a {@link org.renovo.error.RunCancelledException}. */
	default boolean isCancelled() { return false; }

	default void info(final String message) {}

	default void warn(final String message) {}
}
