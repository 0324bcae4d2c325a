package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.model.ModelRegistry;

/** Where the service looks for models, depending on the application folder Fiji announces. */
class DefaultRenovoServiceTest {

	private final String[] saved = new String[DefaultRenovoService.APP_DIRECTORY_PROPERTIES.length];

	@BeforeEach
	void clearProperties() {
		for (int i = 0; i < saved.length; i++)
			saved[i] = System.clearProperty(DefaultRenovoService.APP_DIRECTORY_PROPERTIES[i]);
	}

	@AfterEach
	void restoreProperties() {
		for (int i = 0; i < saved.length; i++)
			if (saved[i] == null) System.clearProperty(DefaultRenovoService.APP_DIRECTORY_PROPERTIES[i]);
			else System.setProperty(DefaultRenovoService.APP_DIRECTORY_PROPERTIES[i], saved[i]);
	}

	@Test
	void usesTheFijiFolderWhenWritable(@TempDir final Path fiji) {
		System.setProperty("scijava.app.directory", fiji.toString());
		assertEquals(fiji.resolve("models").resolve("renovo"), DefaultRenovoService.modelsDirectory());
	}

	@Test
	void acceptsTheLegacyPropertyToo(@TempDir final Path fiji) {
		System.setProperty("imagej.dir", fiji.toString());
		assertEquals(fiji.resolve("models").resolve("renovo"), DefaultRenovoService.modelsDirectory());
	}

	@Test
	void usesAnExistingModelsFolderOfAReadOnlyFiji(@TempDir final Path fiji) throws IOException {
		final Path models = Files.createDirectories(fiji.resolve("models").resolve("renovo"));
		fiji.toFile().setWritable(false);
		try {
			System.setProperty("scijava.app.directory", fiji.toString());
			assertEquals(models, DefaultRenovoService.modelsDirectory());
		}
		finally {
			fiji.toFile().setWritable(true);
		}
	}

	@Test
	void fallsBackToTheUserFolderWithoutFiji(@TempDir final Path tmp) {
		assertEquals(ModelRegistry.defaultDirectory(), DefaultRenovoService.modelsDirectory());
		System.setProperty("scijava.app.directory", tmp.resolve("missing").toString());
		assertEquals(ModelRegistry.defaultDirectory(), DefaultRenovoService.modelsDirectory());
	}
}
