package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.model.Sha256;
import org.renovo.testing.TinyModels;

/** {@code renovo models import|verify|remove}: the Fiji command's actions on the command line. */
class ModelsCatalogueCliTest {

	@TempDir
	Path dir;
	private Path models;

	@BeforeEach
	void folders() {
		CliRun.useFolders(dir);
		models = dir.resolve("models");
	}

	@AfterEach
	void clear() {
		CliRun.clearFolders();
	}

	@Test
	void importVerifyRemove() throws IOException {
		// import
		final CliRun imported = CliRun.run("models", "import", "--file", TinyModels.nearestOnly(2).toString(), "--id", "tiny-x2");
		assertEquals(Main.OK, imported.code, imported.err);
		assertEquals(models.resolve("tiny-x2.onnx").toString(), imported.out.trim());
		assertTrue(Files.isRegularFile(models.resolve("tiny-x2.json")));
		// list, with a card whose file is missing
		Files.write(models.resolve("lost.json"), "{\"id\": \"lost\", \"task\": \"denoise\", \"scale\": 1}".getBytes(StandardCharsets.UTF_8));
		final CliRun list = CliRun.run("models", "list");
		assertEquals(Main.OK, list.code, list.err);
		final String[] lines = list.out.split("\\R");
		assertTrue(lines[2].matches("lost\\s+-\\s+-\\s+-\\s+-\\s+-\\s+\\(missing file\\)"), lines[2]);
		assertTrue(lines[3].matches("tiny-x2\\s+upscale\\s+x2\\s+3\\s+unknown\\s+.*MB\\s+-"), lines[3]);
		assertTrue(list.err.contains("Model 'lost' has a card"), list.err);
		// verify: ok, then a mismatch
		final CliRun verified = CliRun.run("models", "verify");
		assertEquals(Main.FAILED, verified.code, verified.err);
		assertTrue(verified.out.split("\\R")[1].matches("tiny-x2\\s+ok\\s+SHA-256 " + Sha256.of(TinyModels.nearestOnly(2))), verified.out);
		assertEquals("renovo: 1 ok, 1 missing file", verified.err.trim());
		Files.copy(TinyModels.identity(3), models.resolve("tiny-x2.onnx"), StandardCopyOption.REPLACE_EXISTING);
		assertTrue(CliRun.run("models", "verify").out.contains("MISMATCH"));
		// remove
		final CliRun removed = CliRun.run("models", "remove", "--id", "tiny-x2");
		assertEquals(Main.OK, removed.code, removed.err);
		assertEquals(models.resolve("tiny-x2.onnx") + "\n" + models.resolve("tiny-x2.json"), removed.out.trim().replace("\r", ""));
		assertFalse(Files.exists(models.resolve("tiny-x2.onnx")));
		final CliRun unknown = CliRun.run("models", "remove", "--id", "tiny-x2");
		assertEquals(Main.BAD_INPUT, unknown.code);
		assertEquals("renovo: No model 'tiny-x2' in " + models + " to remove. Installed: [lost].", unknown.errLines()[0]);
	}

	@Test
	void importRefusesATwoInputModelAndATakenId() throws IOException {
		final CliRun two = CliRun.run("models", "import", "--file", TinyModels.twoInputs().toString());
		assertEquals(Main.BAD_INPUT, two.code, two.err);
		assertTrue(two.errLines()[0].contains("has 2 inputs") && two.errLines()[0].endsWith("Nothing was installed."), two.err);
		assertFalse(Files.exists(models.resolve("two-inputs.onnx")));
		assertEquals(Main.OK, CliRun.run("models", "import", "--file", TinyModels.conv(3, 3).toString(), "--id", "c").code);
		final CliRun taken = CliRun.run("models", "import", "--file", TinyModels.conv(3, 3).toString(), "--id", "c", "--task", "denoise", "--scale", "1");
		assertEquals(Main.BAD_INPUT, taken.code);
		assertTrue(taken.errLines()[0].contains("remove it first"), taken.err);
	}
}
