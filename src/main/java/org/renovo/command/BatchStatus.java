package org.renovo.command;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.renovo.batch.BatchMonitor;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * A batch on the status bar (file i of n, and the tile within it) and in the log (one line per finished
 * or failed file with the time left); the cancel check is the command's. The run's own log lines
 * (device, summary) are logged for the first file only.
 */
final class BatchStatus implements BatchMonitor {

	private final StatusService status;
	private final LogService log;
	private final BooleanSupplier cancelled;
	private int index, total, finished;

	BatchStatus(final StatusService status, final LogService log, final BooleanSupplier cancelled) {
		this.status = status;
		this.log = log;
		this.cancelled = cancelled;
	}

	/** Files done or skipped so far: zero means the batch achieved nothing. */
	int finished() { return finished; }

	@Override
	public void started(final int i, final int n, final Path input) {
		index = i;
		total = n;
		status.showStatus(i - 1, n, "Renovo batch: file " + i + "/" + n + " " + input.getFileName());
	}

	@Override
	public void done(final int i, final int n, final Path input, final Path output, final double seconds, final double secondsLeft) {
		finished++;
		log.info(String.format(Locale.ROOT, "[%d/%d] %s ... %.1f s, ETA %s", i, n, input.getFileName(), seconds, BatchMonitor.duration(secondsLeft)));
		status.showStatus(i, n, "Renovo batch: file " + i + "/" + n + " done, about " + BatchMonitor.duration(secondsLeft) + " left");
	}

	@Override
	public void skipped(final int i, final int n, final Path input, final Path output) {
		finished++;
	}

	@Override
	public void failed(final int i, final int n, final Path input, final String reason) {
		log.warn("[" + i + "/" + n + "] " + input.getFileName() + ": failed: " + reason);
	}

	@Override
	public void progress(final int done, final int tiles, final double secondsLeft) {
		status.showStatus(index - 1, total, "Renovo batch: file " + index + "/" + total + ", tile " + done + "/" + tiles);
	}

	@Override
	public boolean isCancelled() {
		return cancelled.getAsBoolean();
	}

	@Override
	public void info(final String message) {
		if (finished == 0) log.info(message);
	}

	@Override
	public void warn(final String message) {
		log.warn(message);
	}
}
