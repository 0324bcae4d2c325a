package org.renovo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.renovo.imagej.ImageFiles;
import org.renovo.imagej.OutputFormat;
import org.renovo.task.BigTiffChoice;
import org.renovo.task.ImageTask;
import org.renovo.task.StreamingTask;

/** {@code renovo upscale|denoise|restore}: one image file through one task into one output file. */
final class TaskCli {

	static final String BIGTIFF_USAGE = String.join("\n",
		"  --bigtiff <when>    .tif output only: auto (default) streams a result that would not fit in free",
		"                      memory straight to a tiled BigTIFF, row of tiles by row of tiles, so it may be",
		"                      far larger than the heap (the input must fit); yes always; no never.",
		"                      ImageJ cannot open BigTIFF: use File > Import > Bio-Formats in Fiji.");

	private TaskCli() {}

	static String usage(final String task) {
		return String.join("\n",
			"Usage: renovo " + task + (task.equals("upscale") ? " --model <id or file>" : "") + " --input <file> --output <file> [options]",
			"",
			"Reads PNG, TIFF or JPEG; writes by the output's extension: .tif/.tiff (any bit depth, stacks),",
			".png (8-bit, RGB or 16-bit gray), .jpg/.jpeg (8-bit or RGB). An existing output is replaced.",
			"The options and defaults are those of Plugins > Renovo > " + Character.toUpperCase(task.charAt(0)) + task.substring(1) + "...",
			"",
			"  --input <file>      the image (never modified)",
			"  --output <file>     where to write the result" + (task.equals("upscale") ? "\n" + BIGTIFF_USAGE : ""),
			TaskFactory.USAGE.get(task),
			TaskFactory.COMMON_USAGE,
			"  --help              show this help");
	}

	static int run(final String task, final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		final List<String> names = new ArrayList<>(List.of("--input", "--output"));
		if (task.equals("upscale")) names.add("--bigtiff");
		names.addAll(TaskFactory.options(task));
		final Arguments a = Arguments.parse(task, args, names);
		final Path input = Paths.get(a.required("--input")), output = Paths.get(a.required("--output"));
		final OutputFormat format = OutputFormat.of(output);
		final BigTiffChoice bigTiff = BigTiffChoice.parse(a.value("--bigtiff").orElse("auto"));
		if (bigTiff == BigTiffChoice.YES && format != OutputFormat.TIFF) throw new UsageException("--bigtiff yes needs a .tif or .tiff output, got " + output.getFileName());
		TaskFactory.runOptions(a);
		ImageFiles.checkOutput(output, input);
		final ImagePlus image = ImageFiles.read(input);
		format.check(image, output);
		try (CliRuntime runtime = CliRuntime.open()) {
			final ImageTask work = TaskFactory.create(task, a, runtime.runtime());
			final ConsoleMonitor monitor = new ConsoleMonitor(err);
			if (bigTiff.streams(work, image, format == OutputFormat.TIFF)) {
				monitor.info("renovo: streaming the result to a tiled BigTIFF, " + output);
				((StreamingTask) work).streamTo(image, output, monitor);
			}
			else ImageFiles.write(work.apply(image, baseName(output), monitor), output, format);
			out.println(output);
		}
		return Main.OK;
	}

	private static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		return name.substring(0, name.lastIndexOf('.'));
	}
}
