package org.renovo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;

import org.renovo.imagej.ImageFiles;
import org.renovo.imagej.OutputFormat;
import org.renovo.model.Model;
import org.renovo.pipeline.RunOptions;
import org.renovo.tiling.TileOptions;

/** {@code renovo upscale}: one image file through one model into one output file. */
final class UpscaleCli {

	static final String USAGE = String.join("\n",
		"Usage: renovo upscale --model <id or file> --input <file> --output <file> [options]",
		"",
		"Reads PNG, TIFF or JPEG; writes by the output's extension: .tif/.tiff (any bit depth, stacks),",
		".png (8-bit, RGB or 16-bit gray), .jpg/.jpeg (8-bit or RGB). An existing output is replaced.",
		"",
		"  --model <id|path>   a model id from the models folder (renovo models list), demo-x2, or a path to",
		"                      an .onnx file or to an ncnn .param file with its .bin beside it",
		"  --input <file>      the image to upscale (never modified)",
		"  --output <file>     where to write the result",
		"  --tile <N>          tile core size in input pixels (default " + TileOptions.DEFAULT_TILE_SIZE + ")",
		"  --overlap <N>       blend band between tiles in input pixels (default " + TileOptions.DEFAULT_OVERLAP + ", at most tile/2)",
		"  --device <d>        auto, cpu, cuda or coreml (default auto; falls back to cpu)",
		"  --help              show this help");

	private static final List<String> OPTIONS = Arrays.asList("--model", "--input", "--output", "--tile", "--overlap", "--device");

	private UpscaleCli() {}

	static int run(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		final Arguments a = Arguments.parse("upscale", args, OPTIONS);
		final String modelName = a.required("--model");
		final Path input = Paths.get(a.required("--input")), output = Paths.get(a.required("--output"));
		final RunOptions options = TaskFactory.runOptions(a);
		final OutputFormat format = OutputFormat.of(output);
		ImageFiles.checkOutput(output, input);
		final ImagePlus image = ImageFiles.read(input);
		format.check(image, output);
		try (Upscaler upscaler = new Upscaler(Folders.models(), Folders.cache())) {
			final Model model = upscaler.model(modelName);
			final ImagePlus result = upscaler.run(image, model, options, new ConsoleMonitor(err), baseName(output));
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
