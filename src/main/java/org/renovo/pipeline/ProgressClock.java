package org.renovo.pipeline;

/** Counts finished tiles and estimates the time left from the mean time per tile so far. */
final class ProgressClock {

	private int total;
	private final long start = System.nanoTime();
	private int done;

	ProgressClock(final int total) {
		this.total = total;
	}

	void tick(final RunMonitor monitor) {
		done++;
		final double elapsed = seconds();
		monitor.progress(done, total, elapsed / done * (total - done));
	}

	int total() { return total; }

	/** More tiles to come than planned (a plane re-run with smaller tiles). */
	void addWork(final int tiles) {
		total += tiles;
	}

	double seconds() {
		return (System.nanoTime() - start) / 1e9;
	}
}
