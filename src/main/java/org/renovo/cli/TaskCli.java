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
import org.renovo.task.ImageTask;

/** {@code renovo upscale|denoise|restore}: one image file through one task into one output file. */
final class TaskCli {

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
			"  --output <file>     where to write the result",
			TaskFactory.USAGE.get(task),
			TaskFactory.COMMON_USAGE,
			"  --help              show this help");
	}

	static int run(final String task, final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		final List<String> names = new ArrayList<>(List.of("--input", "--output"));
		names.addAll(TaskFactory.options(task));
		final Arguments a = Arguments.parse(task, args, names);
		final Path input = Paths.get(a.required("--input")), output = Paths.get(a.required("--output"));
		final OutputFormat format = OutputFormat.of(output);
		TaskFactory.runOptions(a);
		ImageFiles.checkOutput(output, input);
		final ImagePlus image = ImageFiles.read(input);
		format.check(image, output);
		try (CliRuntime runtime = CliRuntime.open()) {
			final ImageTask work = TaskFactory.create(task, a, runtime.runtime());
			final ImagePlus result = work.apply(image, baseName(output), new ConsoleMonitor(err));
			ImageFiles.write(result, output, format);
			out.println(output);
		}
		return Main.OK;
	}

	private static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		return name.substring(0, name.lastIndexOf('.'));
	}
}
