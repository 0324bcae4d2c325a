package org.renovo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

/** One in-process run of {@link Main#run}: its exit code and what it printed; plus file helpers for the CLI tests. */
final class CliRun {

	final int code;
	final String out, err;

	private CliRun(final int code, final String out, final String err) {
		this.code = code;
		this.out = out;
		this.err = err;
	}

	static CliRun run(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		try (PrintStream o = new PrintStream(out, true, "UTF-8"); PrintStream e = new PrintStream(err, true, "UTF-8")) {
			final int code = Main.run(args, o, e);
			return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		catch (final UnsupportedEncodingException e) {
			throw new IllegalStateException("Every JVM has UTF-8", e);
		}
	}

	/** Points the CLI's models and geometry-cache folders into {@code dir}, away from the user's. */
	static void useFolders(final Path dir) {
		System.setProperty(Folders.MODELS_PROPERTY, dir.resolve("models").toString());
		System.setProperty(Folders.CACHE_PROPERTY, dir.resolve("cache").toString());
	}

	static void clearFolders() {
		System.clearProperty(Folders.MODELS_PROPERTY);
		System.clearProperty(Folders.CACHE_PROPERTY);
	}

	String[] errLines() {
		return err.isEmpty() ? new String[0] : err.split("\\R");
	}

	static Path saveTiff(final ImagePlus image, final Path file) {
		final boolean ok = image.getStackSize() > 1 ? new FileSaver(image).saveAsTiffStack(file.toString()) : new FileSaver(image).saveAsTiff(file.toString());
		if (!ok) throw new IllegalStateException("Could not write test image " + file);
		return file;
	}

	static ImagePlus open(final Path file) {
		final ImagePlus image = new Opener().openImage(file.toString());
		if (image == null) throw new IllegalStateException("Could not open " + file);
		return image;
	}
}
