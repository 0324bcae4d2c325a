package org.renovo.imagej;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.io.Opener;

import org.renovo.error.InvalidOptionsException;
import org.renovo.error.UnsupportedImageException;

/**
 * Reads PNG, TIFF and JPEG files with ImageJ's {@link Opener} (headless), and writes results so that an
 * output file is either complete or absent: the image goes to a hidden temporary file in the output's
 * folder ({@code .<name>.<digits>.part.<ext>}, see {@link #isTemporary}), which is then renamed over the
 * output in one step. Not thread-safe (ImageJ's console output is captured while it works).
 */
public final class ImageFiles {

	/** NB: what {@link Files#createTempFile} makes of the prefix and suffix used in {@link #write}. */
	private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9]+\\.part\\.[A-Za-z]+");

	private ImageFiles() {}

	/**
	 * @throws UnsupportedImageException when the file is missing, unreadable, of another format, a 64-bit
	 *         or complex TIFF, or ImageJ cannot open it (truncated, damaged)
	 */
	public static ImagePlus read(final Path input) {
		if (!Files.isRegularFile(input)) throw new UnsupportedImageException("Input file not found: " + input);
		if (!Files.isReadable(input)) throw new UnsupportedImageException("Input file is not readable: " + input);
		final int type = new Opener().getFileType(input.toString());
		if (type != Opener.TIFF && type != Opener.PNG && type != Opener.JPEG && type != Opener.TIFF_AND_DICOM)
			throw new UnsupportedImageException("Input " + input + " is not a PNG, TIFF or JPEG file");
		if (type != Opener.PNG && type != Opener.JPEG) checkTiff(input);
		final ImageJOutput<ImagePlus> opened;
		try {
			opened = ImageJOutput.capture(() -> open(input));
		}
		catch (final Exception e) {
			throw new UnsupportedImageException("Cannot read " + input + ": " + e, e);
		}
		if (opened.value() == null) throw new UnsupportedImageException("Cannot read " + input + ": " + opened.firstLine("ImageJ could not decode it (truncated or damaged?)"));
		return opened.value();
	}

	private static void checkTiff(final Path input) {
		final TiffHeader header;
		try {
			header = TiffHeader.read(input);
		}
		catch (final IOException e) {
			throw new UnsupportedImageException("Cannot read " + input + ": " + e.getMessage(), e);
		}
		if (header.unsupported())
			throw new UnsupportedImageException("Cannot read " + input + ": 64-bit float/complex TIFF (" + header.bitsPerSample + " bits per sample, sample format "
				+ header.sampleFormat + "): Renovo reads 8/16/32-bit; convert it in Fiji with Image > Type > 32-bit");
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
	 * @throws InvalidOptionsException naming the problem
	 */
	public static void checkOutput(final Path output, final Path input) {
		final Path folder = folder(output);
		if (!Files.isDirectory(folder)) throw new InvalidOptionsException("Output folder does not exist: " + folder);
		if (!Files.isWritable(folder)) throw new InvalidOptionsException("Output folder is not writable: " + folder);
		if (Files.isDirectory(output)) throw new InvalidOptionsException("Output is a folder, not a file: " + output);
		if (sameFile(output, input)) throw new InvalidOptionsException("Output " + output + " is the input file; Renovo never overwrites its input, choose another output");
	}

	/**
	 * Writes {@code image} to {@code output} in {@code format}, replacing any existing file atomically.
	 * On failure nothing is left behind.
	 *
	 * @throws InvalidOptionsException when the format cannot hold the image ({@link OutputFormat#check})
	 * @throws IOException when writing or renaming fails; the message keeps the system's reason, such as
	 *         "No space left on device"
	 */
	public static void write(final ImagePlus image, final Path output, final OutputFormat format) throws IOException {
		format.check(image, output);
		final String name = output.getFileName().toString();
		final Path tmp = Files.createTempFile(folder(output), "." + name + ".", ".part" + name.substring(name.lastIndexOf('.')));
		// NB: also removes the temporary file when Ctrl-C ends the JVM mid-write.
		tmp.toFile().deleteOnExit();
		try {
			final ImageJOutput<Boolean> written = ImageJOutput.capture(() -> format.write(image, tmp));
			if (!written.value()) throw new IOException("Cannot write " + output + ": " + written.reason("ImageJ's writer failed"));
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

	/** Writes a file's content, given the path to write it to. */
	@FunctionalInterface
	public interface FileContent {

		void writeTo(Path file) throws IOException;
	}

	/**
	 * Has {@code content} write {@code output} under the same hidden temporary name as {@link #write}, and
	 * renames it over the output when complete; on failure nothing is left behind. For writers that stream
	 * an image too large to hold ({@link BigTiffWriter}).
	 *
	 * @throws IOException when writing or renaming fails, with the system's reason ("No space left on device")
	 */
	public static void writeVia(final Path output, final FileContent content) throws IOException {
		final String name = output.getFileName().toString();
		final Path tmp = Files.createTempFile(folder(output), "." + name + ".", ".part" + name.substring(name.lastIndexOf('.')));
		tmp.toFile().deleteOnExit();
		try {
			content.writeTo(tmp);
			Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** True for the hidden temporary files {@link #write} makes; a killed run can leave them behind. */
	public static boolean isTemporary(final Path file) {
		return TEMPORARY.matcher(file.getFileName().toString()).matches();
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
