package org.renovo.batch;

/** The time a batch still needs: the mean time of the files processed so far times the files left. */
final class Eta {

	private final int pending;
	private final long start = System.nanoTime();
	private int processed;

	/** @param pending the files this run has to process (those without a finished output) */
	Eta(final int pending) {
		this.pending = pending;
	}

	/** Counts one more processed file; returns the seconds left. */
	double tick() {
		processed++;
		return seconds(start) / processed * Math.max(0, pending - processed);
	}

	static double seconds(final long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}
}
