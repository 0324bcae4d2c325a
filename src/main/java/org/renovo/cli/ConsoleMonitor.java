package org.renovo.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.renovo.pipeline.RunMonitor;

/**
 * A {@link RunMonitor} for a terminal: log lines as they come, progress at most once per second so a
 * log file stays short. Never cancels; Ctrl-C ends the JVM, and the output is only renamed into place
 * after a finished run.
 */
final class ConsoleMonitor implements RunMonitor {

	private static final long INTERVAL_NANOS = 1_000_000_000L;

	private final PrintStream err;
	private final LongSupplier nanoTime;
	private long last;

	ConsoleMonitor(final PrintStream err) {
		this(err, System::nanoTime);
	}

	/** @param nanoTime the clock, so tests can step it */
	ConsoleMonitor(final PrintStream err, final LongSupplier nanoTime) {
		this.err = err;
		this.nanoTime = nanoTime;
		this.last = nanoTime.getAsLong();
	}

	@Override
	public void progress(final int done, final int total, final double secondsLeft) {
		final long now = nanoTime.getAsLong();
		if (now - last < INTERVAL_NANOS) return;
		last = now;
		err.println(String.format(Locale.ROOT, "Renovo: %d of %d tiles, about %.0f s left", done, total, secondsLeft));
	}

	@Override
	public void info(final String message) {
		err.println(message);
	}

	@Override
	public void warn(final String message) {
		err.println(message);
	}
}
