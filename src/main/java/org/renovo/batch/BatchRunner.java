package org.renovo.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;

import org.renovo.error.OutputException;
import org.renovo.error.RenovoException;
import org.renovo.error.RunCancelledException;
import org.renovo.imagej.ImageFiles;
import org.renovo.imagej.OutputFormat;
import org.renovo.task.BigTiffChoice;
import org.renovo.task.ImageTask;
import org.renovo.task.StreamingTask;

/**
 * Runs one {@link ImageTask} over every file of a {@link BatchJob}, in name order. The task is built once
 * by the caller, so the model loads once. Resumable: an output that exists is finished (outputs are
 * written to a hidden temporary name and renamed into place) and is skipped; temporary files left by a
 * killed run are deleted first. A bad file is recorded with its reason and the batch goes on; a write
 * failure, such as a full disk, stops it at once, since every later file would fail too. Inputs are only
 * read. Not thread-safe; one batch at a time per output folder.
 * <pre>{@code
 * BatchReport report = new BatchRunner(new UpscaleTask(runtime, "demo-x2", RunOptions.defaults())).run(job, monitor);
 * }</pre>
 */
public final class BatchRunner {

	private final ImageTask task;
	private final ImageWriter writer;
	private final BigTiffChoice bigTiff;

	/** A batch that streams a TIFF result to a BigTIFF only when it would not fit in memory. */
	public BatchRunner(final ImageTask task) {
		this(task, BigTiffChoice.AUTO);
	}

	/** @param bigTiff when TIFF results are streamed to a tiled BigTIFF rather than built in memory */
	public BatchRunner(final ImageTask task, final BigTiffChoice bigTiff) {
		this(task, ImageFiles::write, bigTiff);
	}

	/** @param writer how results are written, so tests can simulate a full disk */
	BatchRunner(final ImageTask task, final ImageWriter writer) {
		this(task, writer, BigTiffChoice.AUTO);
	}

	private BatchRunner(final ImageTask task, final ImageWriter writer, final BigTiffChoice bigTiff) {
		this.task = task;
		this.writer = writer;
		this.bigTiff = bigTiff;
	}

	/**
	 * @throws OutputException when an output cannot be written (full disk, folder gone); finished files are kept
	 */
	public BatchReport run(final BatchJob job, final BatchMonitor monitor) {
		final int stale = removeTemporaries(job.outputDirectory());
		final List<Path> inputs = job.inputs(), done = new ArrayList<>(), skipped = new ArrayList<>();
		final List<BatchReport.Failure> failed = new ArrayList<>();
		final Eta eta = new Eta((int) inputs.stream().filter(in -> !Files.exists(job.output(in))).count());
		for (int i = 0; i < inputs.size(); i++) {
			if (monitor.isCancelled()) return new BatchReport(done, skipped, failed, stale, true);
			final Path input = inputs.get(i), output = job.output(input);
			if (Files.exists(output)) {
				skipped.add(input);
				monitor.skipped(i + 1, inputs.size(), input, output);
				continue;
			}
			monitor.started(i + 1, inputs.size(), input);
			final long start = System.nanoTime();
			try {
				produce(job, input, monitor, done.size() + skipped.size());
				done.add(output);
				monitor.done(i + 1, inputs.size(), input, output, Eta.seconds(start), eta.tick());
			}
			catch (final RunCancelledException e) {
				return new BatchReport(done, skipped, failed, stale, true);
			}
			catch (final OutputException e) {
				throw e;
			}
			catch (final RenovoException e) {
				final String reason = e.getMessage().split("\\R", 2)[0];
				failed.add(new BatchReport.Failure(input, reason, e.isBadInput()));
				eta.tick();
				monitor.failed(i + 1, inputs.size(), input, reason);
			}
		}
		return new BatchReport(done, skipped, failed, stale, false);
	}

	// -- Helper methods --

	/** Reads {@code input}, runs the task and writes the result: built in memory, or streamed to a BigTIFF. */
	private void produce(final BatchJob job, final Path input, final BatchMonitor monitor, final int finished) {
		final Path output = job.output(input);
		final ImagePlus image = ImageFiles.read(input);
		// NB: refuse what the format cannot hold before the model runs, not after.
		job.format().check(image, output);
		if (!bigTiff.streams(task, image, job.format() == OutputFormat.TIFF)) {
			write(job, task.apply(image, BatchJob.baseName(input), monitor), output, finished);
			return;
		}
		try {
			((StreamingTask) task).streamTo(image, output, monitor);
		}
		catch (final IOException e) {
			throw new OutputException(writeFailure(output, e, finished), e);
		}
	}

	private void write(final BatchJob job, final ImagePlus result, final Path output, final int finished) {
		try {
			writer.write(result, output, job.format());
		}
		catch (final IOException e) {
			throw new OutputException(writeFailure(output, e, finished), e);
		}
	}

	static String writeFailure(final Path output, final IOException e, final int finished) {
		final String kept = "; " + finished + " finished files are kept";
		if (diskFull(e)) return "The output disk is full (writing " + output + "): free space and run the same command again" + kept;
		return "Cannot write " + output + " (" + e.getMessage() + "): check the output folder and run the same command again" + kept;
	}

	private static boolean diskFull(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t.getMessage() != null && t.getMessage().contains("No space left on device")) return true;
		return false;
	}

	private static int removeTemporaries(final Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			final List<Path> stale = files.filter(ImageFiles::isTemporary).collect(Collectors.toList());
			for (final Path f : stale)
				Files.delete(f);
			return stale.size();
		}
		catch (final IOException e) {
			throw new OutputException("Cannot remove the temporary files an interrupted run left in " + folder + " (" + e + "): delete the hidden .*.part.* files there and run again", e);
		}
	}
}
