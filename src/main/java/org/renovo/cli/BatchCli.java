package org.renovo.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.renovo.batch.BatchJob;
import org.renovo.batch.BatchReport;
import org.renovo.batch.BatchRunner;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.imagej.OutputFormat;
import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.task.BigTiffChoice;
import org.renovo.task.ImageTask;
import org.renovo.task.ModelRuntime;

/** {@code renovo batch}: one task with one model over every matching file of a folder, resumable. */
final class BatchCli {

	static final String USAGE = String.join("\n",
		"Usage: renovo batch --task upscale|denoise|restore --input-dir <folder> --output-dir <folder> [options]",
		"",
		"Runs one task over every matching file of a folder (not its subfolders), in name order; the model",
		"loads once. Each result is <name>.<format> in the output folder, written under a hidden temporary",
		"name and renamed when complete. Resumable: a result that exists is finished and skipped, so after an",
		"interruption (Ctrl-C, kill, full disk) run the same command again. A bad file (not an image, damaged,",
		"unsupported type) is reported and the batch goes on; a failed write (full disk) stops it at once.",
		"Inputs are never modified.",
		"",
		"  --task <name>         upscale, denoise or restore",
		"  --input-dir <folder>  the images to process (never written to)",
		"  --output-dir <folder> where results go; created if missing; must not be the input folder",
		"  --pattern <glob>      which files, case-insensitive (default " + BatchJob.DEFAULT_PATTERN + ")",
		"  --format <f>          tif (default; any bit depth, stacks), png (8-bit, RGB, 16-bit gray) or jpg",
		"  --bigtiff <when>      upscale to tif only: auto (default) streams a result that would not fit in",
		"                        free memory to a tiled BigTIFF, tile row by tile row; yes always; no never",
		"  --help                show this help",
		"",
		"The task's own options, with the defaults of renovo upscale, denoise and restore (an option the",
		"task does not take is refused):",
		"upscale:",
		TaskFactory.USAGE.get("upscale"),
		"denoise:",
		TaskFactory.USAGE.get("denoise"),
		"restore:",
		TaskFactory.USAGE.get("restore"),
		"all:",
		TaskFactory.COMMON_USAGE,
		"",
		"Progress and the end report go to standard error, written paths to standard output. Exit codes:",
		"0 every file done or already finished; 2 bad usage or set-up, or some files failed as bad input;",
		"1 any other failure (a failed model run, a full disk).");

	private static final List<String> OWN = Arrays.asList("--task", "--input-dir", "--output-dir", "--pattern", "--format", "--bigtiff");
	private static final List<String> OPTIONS = new ArrayList<>(OWN);

	static {
		for (final String task : TaskFactory.TASKS)
			for (final String option : TaskFactory.options(task))
				if (!OPTIONS.contains(option)) OPTIONS.add(option);
	}

	private BatchCli() {}

	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		final Arguments a = Arguments.parse("batch", args, OPTIONS);
		final String task = TaskFactory.checked(a.required("--task"));
		for (final String option : OPTIONS)
			if (a.value(option).isPresent() && !OWN.contains(option) && !TaskFactory.options(task).contains(option))
				throw new UsageException("Option " + option + " does not apply to --task " + task + " (see: renovo batch --help)");
		final OutputFormat format = OutputFormat.named(a.value("--format").orElse("tif"));
		final BigTiffChoice bigTiff = BigTiffChoice.parse(a.value("--bigtiff").orElse("auto"));
		if (bigTiff == BigTiffChoice.YES && (format != OutputFormat.TIFF || !task.equals("upscale")))
			throw new UsageException("--bigtiff yes streams upscale results to tif only; use --task upscale --format tif, or leave out --bigtiff");
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final ModelRuntime runtime = new ModelRuntime(new ModelRegistry(Folders.models(), Folders.cache()), engine, new GeometryResolver(Folders.cache()));
			final ImageTask imageTask = TaskFactory.create(task, a, runtime);
			final BatchJob job = BatchJob.of(Paths.get(a.required("--input-dir")), Paths.get(a.required("--output-dir")), a.value("--pattern").orElse(BatchJob.DEFAULT_PATTERN), format);
			err.println("renovo: " + task + " of " + job.inputs().size() + " files from " + job.inputDirectory() + " into " + job.outputDirectory());
			final BatchReport report = new BatchRunner(imageTask, bigTiff).run(job, new ConsoleBatchMonitor(out, err));
			report.lines().forEach(line -> err.println("renovo: " + line.trim()));
			return exitCode(report);
		}
	}

	static int exitCode(final BatchReport report) {
		if (report.failed().isEmpty()) return Main.OK;
		return report.failed().stream().allMatch(BatchReport.Failure::isBadInput) ? Main.BAD_INPUT : Main.FAILED;
	}
}
