package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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

	@Test
	void listsModelsByTaskUncardedAsUpscaleDemoFirst(@TempDir final Path dir) throws Exception {
		// setup
		install(dir, "zz-up", "upscale", 2);
		install(dir, "aa-up", "upscale", 4);
		install(dir, "clean", "denoise", 1);
		Files.copy(TinyModels.identity(3), dir.resolve("bare.onnx"));
		final ModelRegistry registry = new ModelRegistry(dir);
		// test
		assertEquals(List.of(DemoModel.ID, "aa-up", "bare", "zz-up"), registry.idsForTask(ModelRegistry.UPSCALE));
		assertEquals(List.of("clean"), registry.idsForTask(ModelRegistry.DENOISE));
		assertEquals(List.of(DemoModel.ID, "aa-up", "bare", "clean", "zz-up"), registry.ids());
	}

	@Test
	void aCardWithoutItsFileIsNotOfferedAndResolveSaysSo(@TempDir final Path dir) throws Exception {
		// setup
		install(dir, "good", "upscale", 2);
		install(dir, "lost", "upscale", 2);
		Files.delete(dir.resolve("lost.onnx"));
		final ModelRegistry registry = new ModelRegistry(dir);
		// process
		final List<InstalledModel> installed = registry.installed();
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> registry.resolve("lost"));
		// test
		assertEquals(List.of("good", "lost"), installed.stream().map(InstalledModel::id).collect(Collectors.toList()));
		assertEquals(InstalledModel.Status.OK, installed.get(0).status());
		assertEquals(InstalledModel.Status.MISSING_FILE, installed.get(1).status());
		assertEquals(List.of(DemoModel.ID, "good"), registry.ids());
		assertTrue(e.getMessage().startsWith("Model 'lost' has a card " + dir.resolve("lost.json") + " but its file lost.onnx is missing"), e.getMessage());
		assertEquals(dir.resolve("good.onnx"), registry.resolve("good").file());
	}

	@Test
	void aSecondCardClaimingAnIdIsRefusedNamingBothFiles(@TempDir final Path dir) throws Exception {
		// setup
		install(dir, "real", "upscale", 2);
		install(dir, "copy", "upscale", 2);
		Files.write(dir.resolve("copy.json"), "{\"id\": \"real\", \"task\": \"upscale\", \"scale\": 2}".getBytes(StandardCharsets.UTF_8));
		install(dir, "renamed", "upscale", 2);
		Files.write(dir.resolve("renamed.json"), "{\"id\": \"old-name\", \"task\": \"upscale\", \"scale\": 2}".getBytes(StandardCharsets.UTF_8));
		final ModelRegistry registry = new ModelRegistry(dir);
		// process
		final List<InstalledModel> installed = registry.installed();
		// test
		assertEquals(List.of("copy", "real", "renamed"), installed.stream().map(InstalledModel::id).collect(Collectors.toList()));
		assertEquals(InstalledModel.Status.BAD_CARD, installed.get(0).status());
		assertTrue(installed.get(0).problem().get().startsWith(dir.resolve("copy.json") + " claims id 'real', which " + dir.resolve("real.json") + " already has"), installed.get(0).problem().get());
		assertEquals(InstalledModel.Status.OK, installed.get(1).status());
		assertEquals("real", installed.get(1).card().get().id());
		assertTrue(installed.get(2).problem().get().startsWith(dir.resolve("renamed.json") + ": field 'id' is 'old-name' but the card is named renamed.json"), installed.get(2).problem().get());
		assertEquals(List.of(DemoModel.ID, "real"), registry.ids());
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> registry.resolve("copy"));
		assertTrue(e.getMessage().contains("copy.json") && e.getMessage().contains("real.json"), e.getMessage());
	}

	@Test
	void anInvalidCardSpoilsOnlyItsOwnModel(@TempDir final Path dir) throws Exception {
		install(dir, "good", "denoise", 1);
		install(dir, "broken", "denoise", 1);
		Files.write(dir.resolve("broken.json"), "{\"id\": \"broken\", \"task\": \"denoise\", \"scale\": \"four\"}".getBytes(StandardCharsets.UTF_8));
		final ModelRegistry registry = new ModelRegistry(dir);
		assertEquals(List.of("good"), registry.idsForTask(ModelRegistry.DENOISE));
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> registry.resolve("broken"));
		assertTrue(e.getMessage().startsWith(dir.resolve("broken.json") + ": field 'scale' must be a whole number >= 1, got \"four\""), e.getMessage());
	}

	/** A tiny model {@code id.onnx} with a card of the given task and scale. */
	static void install(final Path dir, final String id, final String task, final int scale) throws IOException {
		Files.copy(scale == 1 ? TinyModels.conv(3, 3) : TinyModels.nearestOnly(scale), dir.resolve(id + ".onnx"));
		Files.write(dir.resolve(id + ".json"), ("{\"id\": \"" + id + "\", \"task\": \"" + task + "\", \"scale\": " + scale + "}").getBytes(StandardCharsets.UTF_8));
	}
}
