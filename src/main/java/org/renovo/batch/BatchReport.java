package org.renovo.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one batch run did: outputs written, inputs skipped as already finished, files that failed and why. Immutable. */
public final class BatchReport {

	/** One input that could not be processed, and the one-line reason. */
	public static final class Failure {
		private final Path input;
		private final String reason;
		private final boolean badInput;

		Failure(final Path input, final String reason, final boolean badInput) {
			this.input = input;
			this.reason = reason;
			this.badInput = badInput;
		}

		public Path input() { return input; }

		public String reason() { return reason; }

		/** True when the file itself is at fault (not an image, damaged, unsupported type), not the machine or model. */
		public boolean isBadInput() { return badInput; }
	}

	private final List<Path> done, skipped;
	private final List<Failure> failed;
	private final int staleRemoved;
	private final boolean cancelled;

	BatchReport(final List<Path> done, final List<Path> skipped, final List<Failure> failed, final int staleRemoved, final boolean cancelled) {
		this.done = Collections.unmodifiableList(new ArrayList<>(done));
		this.skipped = Collections.unmodifiableList(new ArrayList<>(skipped));
		this.failed = Collections.unmodifiableList(new ArrayList<>(failed));
		this.staleRemoved = staleRemoved;
		this.cancelled = cancelled;
	}

	/** The outputs this run wrote. */
	public List<Path> done() { return done; }

	/** The inputs whose output an earlier run had finished. */
	public List<Path> skipped() { return skipped; }

	public List<Failure> failed() { return failed; }

	/** Temporary files of an interrupted earlier run, deleted before this one began. */
	public int staleRemoved() { return staleRemoved; }

	/** True when the user cancelled; files after the cancelled one were not looked at. */
	public boolean cancelled() { return cancelled; }

	/** The end report: one line of counts, then one line per failed file with its reason. */
	public List<String> lines() {
		final List<String> lines = new ArrayList<>();
		lines.add("Batch " + (cancelled ? "cancelled" : "finished") + ": " + done.size() + " done, " + skipped.size() + " skipped (already finished), " + failed.size() + " failed"
			+ (staleRemoved > 0 ? "; removed " + staleRemoved + " temporary files of an interrupted run" : ""));
		for (final Failure f : failed)
			lines.add("  failed: " + f.input().getFileName() + ": " + f.reason());
		return lines;
	}
}
