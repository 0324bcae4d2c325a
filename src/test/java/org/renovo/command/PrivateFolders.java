package org.renovo.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the Fiji folder ({@code scijava.app.directory}, where the service looks for models) and
 * {@code user.home} (under which the geometry cache lives) at a fresh temporary folder for one test
 * class, so tests never write into the real home; restores both afterwards.
 */
final class PrivateFolders implements BeforeAllCallback, AfterAllCallback {

	private static final String[] KEYS = { "scijava.app.directory", "user.home" };

	private final String[] saved = new String[KEYS.length];
	private Path root;

	@Override
	public void beforeAll(final ExtensionContext context) throws IOException {
		root = Files.createTempDirectory("renovo-command-test");
		for (int i = 0; i < KEYS.length; i++)
			saved[i] = System.setProperty(KEYS[i], root.toString());
	}

	@Override
	public void afterAll(final ExtensionContext context) throws IOException {
		for (int i = 0; i < KEYS.length; i++)
			if (saved[i] == null) System.clearProperty(KEYS[i]);
			else System.setProperty(KEYS[i], saved[i]);
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
	}
}
