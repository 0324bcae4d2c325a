package org.renovo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import org.renovo.model.onnx.DemoModel;
import org.renovo.pipeline.RunOptions;

/**
 * {@code renovo demo}: the bundled photo through the built-in {@code demo-x2} model, next to ImageJ's
 * bicubic ×2 of the same photo, as three PNGs in one folder.
 */
final class DemoCommand {

	static final String USAGE = String.join("\n",
		"Usage: renovo demo [--output-dir <folder>]",
		"",
		"Upscales the bundled example photo (examples/chelsea.png, CC0) x2 with the built-in model " + DemoModel.ID + " and writes:",
		"  chelsea-renovo-x2.png    the Renovo result",
		"  chelsea-bicubic-x2.png   ImageJ's bicubic x2, for comparison",
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
		try (Upscaler upscaler = new Upscaler(Folders.models(), Folders.cache())) {
			final ImagePlus renovo = upscaler.run(photo, upscaler.model(DemoModel.ID), RunOptions.defaults(), new ConsoleMonitor(err), "chelsea-renovo-x2");
			final ImagePlus bicubic = bicubic(photo, renovo.getWidth(), renovo.getHeight());
			write(renovo, dir, out);
			write(bicubic, dir, out);
			write(SideBySide.of(bicubic, "BICUBIC X2", renovo, "RENOVO " + DemoModel.ID.toUpperCase(java.util.Locale.ROOT), "chelsea-comparison"), dir, out);
		}
		return Main.OK;
	}

	private static ImagePlus example() throws IOException {
		try (InputStream in = DemoCommand.class.getResourceAsStream(EXAMPLE)) {
			if (in == null) throw new IOException("The example photo " + EXAMPLE + " is missing from the class path: rebuild Renovo");
			return new ImagePlus("chelsea", ImageIO.read(in));
		}
	}

	private static ImagePlus bicubic(final ImagePlus photo, final int width, final int height) {
		final ImageProcessor ip = photo.getProcessor().duplicate();
		ip.setInterpolationMethod(ImageProcessor.BICUBIC);
		return new ImagePlus("chelsea-bicubic-x2", ip.resize(width, height));
	}

	private static void write(final ImagePlus image, final Path dir, final PrintStream out) throws IOException {
		final Path file = dir.resolve(image.getTitle() + ".png");
		ImageFiles.write(image, file, OutputFormat.PNG);
		out.println(file);
	}
}
