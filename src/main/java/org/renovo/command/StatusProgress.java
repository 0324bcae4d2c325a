package org.renovo.command;

import java.util.function.BooleanSupplier;

import org.renovo.pipeline.RunMonitor;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * A run's progress on the status bar (one update per tile, with the time left), its messages in the
 * log, and its cancel check answered by the command.
 */
final class StatusProgress implements RunMonitor {

	private final StatusService status;
	private final LogService log;
	private final BooleanSupplier cancelled;

	StatusProgress(final StatusService status, final LogService log, final BooleanSupplier cancelled) {
		this.status = status;
		this.log = log;
		this.cancelled = cancelled;
	}

	@Override
	public void progress(final int done, final int total, final double secondsLeft) {
		status.showStatus(done, total, message(done, total, secondsLeft));
	}

	@Override
	public boolean isCancelled() {
		return cancelled.getAsBoolean();
	}

	@Override
	public void info(final String message) {
		log.info(message);
	}

	@Override
	public void warn(final String message) {
		log.warn(message);
		// NB: advice also goes to the status bar, which never blocks; a dialog would stop a running macro.
		status.showStatus(message);
	}

	static String message(final int done, final int total, final double secondsLeft) {
		final String tiles = "Renovo: tile " + done + "/" + total;
		return Double.isFinite(secondsLeft) ? tiles + ", about " + Math.round(secondsLeft) + " s left" : tiles;
	}
}
