package org.renovo.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.renovo.batch.BatchMonitor;

/**
 * A batch on a terminal: one line per finished or failed file on standard error
 * ({@code [3/120] photo.tif ... 4.2 s, ETA 8 min}), each written path on standard output, tile progress
 * at most once per second. The run's log lines (device, summary) are shown for the first file only,
 * warnings for every file.
 */
final class ConsoleBatchMonitor implements BatchMonitor {

	private final PrintStream out, err;
	private final ConsoleMonitor tiles;
	private boolean firstDone;

	ConsoleBatchMonitor(final PrintStream out, final PrintStream err) {
		this.out = out;
		this.err = err;
		this.tiles = new ConsoleMonitor(err);
	}

	@Override
	public void done(final int index, final int total, final Path input, final Path output, final double seconds, final double secondsLeft) {
		firstDone = true;
		err.println(String.format(Locale.ROOT, "[%d/%d] %s ... %.1f s, ETA %s", index, total, input.getFileName(), seconds, BatchMonitor.duration(secondsLeft)));
		out.println(output);
	}

	@Override
	public void failed(final int index, final int total, final Path input, final String reason) {
		err.println("[" + index + "/" + total + "] " + input.getFileName() + ": failed: " + reason);
	}

	@Override
	public void progress(final int done, final int total, final double secondsLeft) {
		tiles.progress(done, total, secondsLeft);
	}

	@Override
	public void info(final String message) {
		if (!firstDone) err.println(message);
	}

	@Override
	public void warn(final String message) {
		err.println(message);
	}
}
