package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.ModelFormatException;
import org.renovo.model.onnx.DemoModel;
import org.renovo.testing.TinyModels;

class ModelRegistryTest {

	@Test
	void listsTheDemoFirstThenTheFolderSorted(@TempDir final Path dir) throws Exception {
		Files.copy(TinyModels.conv(3, 3), dir.resolve("zeta.onnx"));
		Files.copy(TinyModels.identity(3), dir.resolve("alpha.onnx"));
		assertEquals(List.of(DemoModel.ID, "alpha", "zeta"), new ModelRegistry(dir).ids());
	}

	@Test
	void resolvesIdsPathsAndTheGeneratedDemo(@TempDir final Path dir) throws Exception {
		Files.copy(TinyModels.conv(3, 3), dir.resolve("c3.onnx"));
		final ModelRegistry registry = new ModelRegistry(dir);
		assertEquals(dir.resolve("c3.onnx"), registry.resolve("c3").file());
		assertEquals("conv3c3", registry.resolve(TinyModels.conv(3, 3).toString()).id());
		final Model demo = registry.resolve(DemoModel.ID);
		assertTrue(Files.size(demo.file()) > 100);
		assertEquals(dir.resolve("demo-x2.onnx"), demo.file());
	}

	@Test
	void unknownIdsAndBadCardsSayWhatToDo(@TempDir final Path dir) throws Exception {
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> new ModelRegistry(dir).resolve("realesrgan-x9"));
		assertTrue(e.getMessage().contains("realesrgan-x9") && e.getMessage().contains(dir.toString()) && e.getMessage().contains("demo-x2"), e.getMessage());
		Files.copy(TinyModels.conv(3, 3), dir.resolve("c.onnx"));
		Files.write(dir.resolve("c.json"), "{\"radius\": 3}".getBytes("UTF-8"));
		final ModelFormatException card = assertThrows(ModelFormatException.class, () -> new ModelRegistry(dir).resolve("c"));
		assertTrue(card.getMessage().contains("'scale'"), card.getMessage());
	}
}
