package org.renovo.imagej;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Runs an ImageJ file call with {@code System.out} and {@code System.err} captured. NB: headless ImageJ
 * reports a failed open or save by printing (IJ.error falls back to the console, some writers print a
 * stack trace) and returning null or false; capturing turns that text into a one-line reason and
 * keeps it off the user's terminal. Not thread-safe: callers do their file work on one thread.
 */
final class ImageJOutput<T> {

	/** How Java reports ENOSPC on Linux and macOS. */
	static final String DISK_FULL = "No space left on device";

	private final T value;
	private final String printed;

	private ImageJOutput(final T value, final String printed) {
		this.value = value;
		this.printed = printed;
	}

	static <T> ImageJOutput<T> capture(final Callable<T> call) throws Exception {
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (PrintStream sink = new PrintStream(buffer, true, StandardCharsets.UTF_8.name())) {
			System.setOut(sink);
			System.setErr(sink);
			final T value = call.call();
			return new ImageJOutput<>(value, buffer.toString(StandardCharsets.UTF_8.name()));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	T value() { return value; }

	/** The first non-blank line ImageJ printed, or {@code fallback} when it printed nothing. */
	String firstLine(final String fallback) {
		for (final String line : printed.split("\\R"))
			if (!line.trim().isEmpty()) return line.trim();
		return fallback;
	}

	/**
	 * Like {@link #firstLine}, but a line naming a full disk wins. NB: ImageJ's FileSaver prints "An error
	 * occured writing the file." first and the system's reason after it.
	 */
	String reason(final String fallback) {
		for (final String line : printed.split("\\R"))
			if (line.contains(DISK_FULL)) return line.trim();
		return firstLine(fallback);
	}
}
