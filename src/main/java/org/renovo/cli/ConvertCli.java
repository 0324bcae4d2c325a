package org.renovo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.renovo.model.ncnn.NcnnModel;
import org.renovo.model.ncnn.NcnnToOnnxConverter;

/** {@code renovo convert}: an ncnn {@code .param}/{@code .bin} pair into a standalone ONNX file. */
final class ConvertCli {

	static final String USAGE = String.join("\n",
		"Usage: renovo convert --param <model.param> --bin <model.bin> --output <model.onnx>",
		"",
		"Converts an ncnn model (realesrgan-ncnn-vulkan, Upscayl, waifu2x, Real-CUGAN) into an ONNX file that",
		"any ONNX Runtime runs: RGB in [0, 1], NCHW, dynamic height and width. An existing output is replaced.");

	private ConvertCli() {}

	static int run(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		final Arguments a = Arguments.parse("convert", args, Arrays.asList("--param", "--bin", "--output"));
		final Path output = Paths.get(a.required("--output"));
		if (!output.getFileName().toString().endsWith(".onnx")) throw new UsageException("The output must end in .onnx, got " + output);
		final NcnnModel model = NcnnToOnnxConverter.convert(Paths.get(a.required("--param")), Paths.get(a.required("--bin")));
		model.write(output);
		err.println("renovo: converted, " + model.inputChannels() + " channels in, " + model.outputChannels() + " out, graph geometry " + model.graphGeometry());
		out.println(output);
		return Main.OK;
	}
}
