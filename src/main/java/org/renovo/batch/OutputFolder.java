package org.renovo.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.renovo.error.InvalidOptionsException;

/** The set-up checks of a batch's output folder; see {@link BatchJob#of}. */
final class OutputFolder {

	private OutputFolder() {}

	static void prepare(final Path output, final Path input) {
		if (Files.exists(output) && !Files.isDirectory(output)) throw new InvalidOptionsException("The output folder " + output + " is a file: give a folder (it is created when missing)");
		try {
			Files.createDirectories(output);
		}
		catch (final IOException e) {
			throw new InvalidOptionsException("Cannot create the output folder " + output + " (" + e + "): choose a folder you can write to", e);
		}
		if (same(output, input)) throw new InvalidOptionsException("The output folder " + output + " is the input folder: choose another output folder; Renovo never writes into its input folder");
		probe(output);
	}

	private static boolean same(final Path a, final Path b) {
		try {
			return Files.isSameFile(a, b);
		}
		catch (final IOException e) {
			throw new InvalidOptionsException("Cannot compare the folders " + a + " and " + b + ": " + e, e);
		}
	}

	/** NB: permission bits say nothing for root or on network shares; only writing a file tells. */
	private static void probe(final Path output) {
		try {
			Files.delete(Files.createTempFile(output, ".renovo-probe-", ".tmp"));
		}
		catch (final IOException e) {
			throw new InvalidOptionsException("The output folder " + output + " is not writable (" + e + "): choose another folder or fix its permissions", e);
		}
	}
}
