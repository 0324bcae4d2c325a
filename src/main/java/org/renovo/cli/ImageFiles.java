package org.renovo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ij.ImagePlus;
import ij.io.Opener;

/**
 * Reads PNG, TIFF and JPEG files with ImageJ's {@link Opener} (headless), and writes results so that an
 * output file is either complete or absent: the image goes to a hidden temporary file in the output's
 * folder, which is then renamed over the output in one step.
 */
final class ImageFiles {

	private ImageFiles() {}

	/** @throws UsageException when the file is missing, unreadable, of another format, or ImageJ cannot open it */
	static ImagePlus read(final Path input) {
		if (!Files.isRegularFile(input)) throw new UsageException("Input file not found: " + input);
		if (!Files.isReadable(input)) throw new UsageException("Input file is not readable: " + input);
		final int type = new Opener().getFileType(input.toString());
		if (type != Opener.TIFF && type != Opener.PNG && type != Opener.JPEG && type != Opener.TIFF_AND_DICOM)
			throw new UsageException("Input " + input + " is not a PNG, TIFF or JPEG file");
		final ImageJOutput<ImagePlus> opened;
		try {
			opened = ImageJOutput.capture(() -> open(input));
		}
		catch (final Exception e) {
			throw new UsageException("Cannot read " + input + ": " + e, e);
		}
		if (opened.value() == null) throw new UsageException("Cannot read " + input + ": " + opened.firstLine("ImageJ could not decode it (truncated or damaged?)"));
		return opened.value();
	}

	private static ImagePlus open(final Path input) {
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		return opener.openImage(input.toAbsolutePath().toString());
	}

	/**
	 * Refuses, before any work, an output that would overwrite the input, is a folder, or lies in a
	 * folder that is missing or read-only.
	 *
	 * @throws UsageException naming the problem
	 */
	static void checkOutput(final Path output, final Path input) {
		final Path folder = folder(output);
		if (!Files.isDirectory(folder)) throw new UsageException("Output folder does not exist: " + folder);
		if (!Files.isWritable(folder)) throw new UsageException("Output folder is not writable: " + folder);
		if (Files.isDirectory(output)) throw new UsageException("Output is a folder, not a file: " + output);
		if (sameFile(output, input)) throw new UsageException("Output " + output + " is the input file; Renovo never overwrites its input, choose another --output");
	}

	/**
	 * Writes {@code image} to {@code output} in {@code format}, replacing any existing file atomically.
	 * On failure nothing is left behind.
	 *
	 * @throws IOException when writing or renaming fails
	 */
	static void write(final ImagePlus image, final Path output, final OutputFormat format) throws IOException {
		format.check(image, output);
		final String name = output.getFileName().toString();
		final Path tmp = Files.createTempFile(folder(output), "." + name + ".", ".part" + name.substring(name.lastIndexOf('.')));
		// NB: also removes the temporary file when Ctrl-C ends the JVM mid-write.
		tmp.toFile().deleteOnExit();
		try {
			final ImageJOutput<Boolean> written = ImageJOutput.capture(() -> format.write(image, tmp));
			if (!written.value()) throw new IOException("Cannot write " + output + ": " + written.firstLine("ImageJ's writer failed"));
			Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			throw e;
		}
		catch (final Exception e) {
			throw new IOException("Cannot write " + output + ": " + e.getMessage(), e);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static Path folder(final Path file) {
		final Path parent = file.toAbsolutePath().getParent();
		return parent != null ? parent : file.toAbsolutePath();
	}

	private static boolean sameFile(final Path a, final Path b) {
		if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
		try {
			return Files.exists(a) && Files.isSameFile(a, b);
		}
		catch (final IOException e) {
			// NB: if either cannot be inspected they cannot be shown to be one file; writing then fails on its own.
			return false;
		}
	}
}
