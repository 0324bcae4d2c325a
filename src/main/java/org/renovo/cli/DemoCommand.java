package org.renovo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.renovo.imagej.ImageFiles;
import org.renovo.imagej.OutputFormat;
import org.renovo.model.onnx.DemoModel;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.UpscaleTask;

/**
 * {@code renovo demo}: the bundled photo through Real-ESRGAN x4plus (fetched on first use), next to
 * ImageJ's bicubic upscale of the same photo, as three PNGs in one folder. Without the network and
 * without installed models it says so and uses the built-in {@code demo-x2}.
 */
final class DemoCommand {

	/** NB: the general photo upscaler people ask for; about 20 s on two CPU cores for this photo. */
	static final String MODEL = "realesrgan-x4plus";

	static final String USAGE = String.join("\n",
		"Usage: renovo demo [--output-dir <folder>]",
		"",
		"Upscales the bundled example photo (examples/chelsea.png, CC0) with " + MODEL + " (installed with",
		"'renovo models fetch " + MODEL + "' on first use; the built-in " + DemoModel.ID + " when that fails) and writes:",
		"  chelsea-renovo-xN.png    the Renovo result (N: the model's scale)",
		"  chelsea-bicubic-xN.png   ImageJ's bicubic upscale, for comparison",
		"  chelsea-comparison.png   bicubic left, Renovo right",
		"",
		"  --output-dir <folder>   where to write (default demo-output; created if missing)",
		"  --help                  show this help");

	private static final String EXAMPLE = "examples/chelsea.png";

	private DemoCommand() {}

	static int run(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		final Path dir = Paths.get(Arguments.parse("demo", args, Collections.singletonList("--output-dir")).value("--output-dir").orElse("demo-output"));
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw new UsageException("Cannot create the output folder " + dir + ": " + e, e);
		}
		final ImagePlus photo = example();
		final String model = model(err);
		try (CliRuntime runtime = CliRuntime.open()) {
			final ImagePlus renovo = new UpscaleTask(runtime.runtime(), model, RunOptions.defaults()).apply(photo, "chelsea-renovo", new ConsoleMonitor(err));
			final String x = "x" + renovo.getWidth() / photo.getWidth();
			renovo.setTitle("chelsea-renovo-" + x);
			final ImagePlus bicubic = bicubic(photo, renovo.getWidth(), renovo.getHeight(), "chelsea-bicubic-" + x);
			write(renovo, dir, out);
			write(bicubic, dir, out);
			write(SideBySide.of(bicubic, "BICUBIC " + x.toUpperCase(Locale.ROOT), renovo, "RENOVO " + model.toUpperCase(Locale.ROOT), "chelsea-comparison"), dir, out);
		}
		return Main.OK;
	}

	private static ImagePlus example() throws IOException {
		try (InputStream in = DemoCommand.class.getResourceAsStream(EXAMPLE)) {
			if (in == null) throw new IOException("The example photo " + EXAMPLE + " is missing from the class path: rebuild Renovo");
			return new ImagePlus("chelsea", ImageIO.read(in));
		}
	}

	private static ImagePlus bicubic(final ImagePlus photo, final int width, final int height, final String title) {
		final ImageProcessor ip = photo.getProcessor().duplicate();
		ip.setInterpolationMethod(ImageProcessor.BICUBIC);
		return new ImagePlus(title, ip.resize(width, height));
	}

	/** The real model, fetched if it is not installed yet; the built-in one when that is impossible. */
	private static String model(final PrintStream err) throws IOException {
		if (Files.isRegularFile(Folders.models().resolve(MODEL + ".onnx"))) return MODEL;
		if (System.getProperty(ModelsCli.ROOT_PROPERTY) != null) {
			err.println("renovo: " + MODEL + " is not installed; fetching it (once) ...");
			if (ModelsCli.fetch(Collections.singletonList(MODEL), err) == Main.OK) return MODEL;
		}
		err.println("renovo: " + MODEL + " is not installed and could not be fetched; the demo uses the built-in " + DemoModel.ID + " (see README.md#models-folder)");
		return DemoModel.ID;
	}

	private static void write(final ImagePlus image, final Path dir, final PrintStream out) throws IOException {
		final Path file = dir.resolve(image.getTitle() + ".png");
		ImageFiles.write(image, file, OutputFormat.PNG);
		out.println(file);
	}
}
