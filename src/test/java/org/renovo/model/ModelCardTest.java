package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.ModelFormatException;
import org.renovo.tiling.EdgeMode;
import org.renovo.tiling.InputPadding;
import org.renovo.tiling.ModelGeometry;

class ModelCardTest {

	@Test
	void writesAndReadsEveryField(@TempDir final Path dir) throws Exception {
		// setup
		final ModelCard card = ModelCard.builder("waifu2x-cunet-noise2").task("denoise").channels(3).valueRange(0, 1)
			.geometry(ModelGeometry.of(1, ModelGeometry.UNBOUNDED, 28, 4)).padding(InputPadding.fixed(28, EdgeMode.REPLICATE))
			.license("MIT", "https://github.com/nagadomi/waifu2x")
			.source(new ModelCard.Source("waifu2x@1.6.5", "sha512-abc", "package/a.param", "package/a.bin", "MIT"))
			.sha256("param", "00ff".repeat(16)).sha256("onnx", "ff00".repeat(16)).build();
		// process
		card.write(dir.resolve("c.json"));
		final String json = new String(Files.readAllBytes(dir.resolve("c.json")), StandardCharsets.UTF_8);
		final ModelCard back = ModelCard.read(dir.resolve("c.json"));
		// test
		assertTrue(json.contains("\"package\": \"waifu2x@1.6.5\"") && json.contains("\"radius\": -1") && json.contains("\"edge\": \"replicate\""), json);
		assertEquals("waifu2x-cunet-noise2", back.id());
		assertEquals("denoise", back.task());
		assertEquals(ModelGeometry.of(1, ModelGeometry.UNBOUNDED, 28, 4), back.geometry());
		assertEquals(InputPadding.fixed(28, EdgeMode.REPLICATE), back.padding());
		assertArrayEquals(new double[] { 0, 1 }, back.valueRange());
		assertEquals("MIT", back.license());
		assertEquals("package/a.bin", back.source().bin());
		assertEquals("ff00".repeat(16), back.sha256().get("onnx"));
	}

	@Test
	void minimalCardsWithFutureFieldsReadAndDefaultToPlannedReflect(@TempDir final Path dir) throws Exception {
		Files.write(dir.resolve("c.json"), "{\"id\": \"c\", \"task\": \"upscale\", \"scale\": 2, \"radius\": 3, \"future\": {\"x\": 1}}".getBytes(StandardCharsets.UTF_8));
		final ModelCard c = ModelCard.read(dir.resolve("c.json"));
		assertEquals(ModelGeometry.of(2, 3, 0, 1), c.geometry());
		assertEquals(InputPadding.planned(), c.padding());
		assertEquals(3, c.channels());
	}

	@Test
	void geometryOnlyCardsAreRefusedAsCardsButReadAsGeometryCacheEntries(@TempDir final Path dir) throws Exception {
		Files.write(dir.resolve("old.json"), "{\"scale\": 2, \"radius\": 3}".getBytes(StandardCharsets.UTF_8));
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelCard.read(dir.resolve("old.json")));
		assertTrue(e.getMessage().startsWith(dir.resolve("old.json") + ": required field 'id' is missing; required field 'task' is missing."), e.getMessage());
		assertEquals(ModelGeometry.of(2, 3, 0, 1), ModelCard.readGeometry(dir.resolve("old.json")));
	}

	@Test
	void badPreProcessingIsAModelFormatErrorNamingTheCard(@TempDir final Path dir) throws Exception {
		Files.write(dir.resolve("c.json"), "{\"scale\": 2, \"pad\": 4, \"edge\": \"wrap\"}".getBytes(StandardCharsets.UTF_8));
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelCard.read(dir.resolve("c.json")));
		assertTrue(e.getMessage().contains("c.json") && e.getMessage().contains("replicate"), e.getMessage());
		Files.write(dir.resolve("d.json"), "{\"scale\": 2, \"pad\": -3}".getBytes(StandardCharsets.UTF_8));
		assertThrows(ModelFormatException.class, () -> ModelCard.read(dir.resolve("d.json")));
	}
}
