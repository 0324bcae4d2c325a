package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.ModelFormatException;
import org.renovo.error.RenovoException;
import org.renovo.model.ChecksumCheck.Status;
import org.renovo.testing.RealModels;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.ModelGeometry;

/** Import, remove and verify on a temporary models folder, with generated tiny models. */
class ModelCatalogueTest {

	@TempDir
	Path root;
	private Path models, sources;
	private ModelCatalogue catalogue;

	@BeforeEach
	void setUp() throws IOException {
		models = root.resolve("models");
		sources = Files.createDirectories(root.resolve("sources"));
		catalogue = new ModelCatalogue(models);
	}

	@Test
	void importsAnOnnxFileWithACardAndItsChecksum() throws IOException {
		// setup
		final Path file = Files.copy(TinyModels.nearestOnly(2), sources.resolve("My Model (x2).onnx"));
		// process
		final ModelCard card = catalogue.importModel(new ModelImport(file, "", ModelImport.AUTO, 0));
		// test
		assertEquals("My-Model-x2-", card.id());
		final Path installed = models.resolve("My-Model-x2-.onnx");
		assertEquals(List.of("My-Model-x2-.json", "My-Model-x2-.onnx"), names(models));
		final ModelCard read = ModelCard.read(models.resolve("My-Model-x2-.json"));
		assertEquals("upscale", read.task());
		assertEquals(ModelGeometry.of(2, 0, 0, 1), read.geometry());
		assertEquals(3, read.channels());
		assertEquals("unknown", read.license());
		assertEquals(file.toAbsolutePath().toString(), read.source().file());
		assertEquals(Sha256.of(file), read.sha256().get("onnx"));
		assertEquals(Sha256.of(installed), read.sha256().get("onnx"));
		assertEquals(installed, new ModelRegistry(models).resolve("My-Model-x2-").file());
		assertEquals(List.of("demo-x2", "My-Model-x2-"), new ModelRegistry(models).idsForTask("upscale"));
	}

	@Test
	void importsAnNcnnPairAsOnnxAndInfersDenoiseFromScaleOne() throws IOException {
		final Path param = TinyModels.ncnnSharpen(sources, "sharpen");
		final ModelCard card = catalogue.importModel(new ModelImport(param, "my-sharpen", ModelImport.AUTO, 1));
		assertEquals("denoise", card.task());
		assertEquals(List.of("my-sharpen.json", "my-sharpen.onnx"), names(models));
		final ModelCard read = ModelCard.read(models.resolve("my-sharpen.json"));
		assertEquals(Sha256.of(param), read.sha256().get("param"));
		assertEquals(Sha256.of(sources.resolve("sharpen.bin")), read.sha256().get("bin"));
		assertEquals(Sha256.of(models.resolve("my-sharpen.onnx")), read.sha256().get("onnx"));
		assertEquals(sources.resolve("sharpen.bin").toAbsolutePath().toString(), read.source().bin());
		assertEquals(ModelGeometry.of(1, 1, 0, 1), read.geometry());
		assertEquals(List.of("my-sharpen"), new ModelRegistry(models).idsForTask("denoise"));
	}

	@Test
	void refusalsAddNothing() throws IOException {
		// setup
		catalogue.importModel(new ModelImport(TinyModels.nearestOnly(2), "taken", ModelImport.AUTO, 0));
		final List<String> before = names(models);
		final Path up2 = TinyModels.nearestOnly(2), onePx = TinyModels.conv(3, 3);
		// process, test
		assertRefused(InvalidOptionsException.class, "A model 'taken' is already installed in " + models + ": remove it first (action=remove model=taken", up2, "taken", "auto", 0);
		assertRefused(ModelFormatException.class, "has 2 inputs", TinyModels.twoInputs(), "two", "auto", 0);
		assertRefused(ModelFormatException.class, "Cannot import " + TinyModels.corrupt() + ": ONNX Runtime cannot load model", TinyModels.corrupt(), "bad", "auto", 0);
		assertRefused(ModelFormatException.class, "Cannot import " + TinyModels.truncated() + ": ONNX Runtime cannot load model", TinyModels.truncated(), "cut", "auto", 0);
		assertRefused(ModelFormatException.class, "it turns 3 channels into 4", TinyModels.channelChange(), "c4", "auto", 0);
		assertRefused(InvalidOptionsException.class, "scale=4 but nearest-only2.onnx measures x2: use scale=0 or scale=2", up2, "x", "auto", 4);
		assertRefused(InvalidOptionsException.class, "task=denoise but nearest-only2.onnx enlarges x2", up2, "x", "denoise", 0);
		assertRefused(InvalidOptionsException.class, "task=upscale but conv3c3.onnx keeps the size (x1)", onePx, "x", "upscale", 0);
		assertRefused(InvalidOptionsException.class, "The id 'demo-x2' is reserved", up2, "demo-x2", "auto", 0);
		assertRefused(InvalidOptionsException.class, "model=../x cannot be an id", up2, "../x", "auto", 0);
		assertRefused(ModelFormatException.class, "choose an .onnx file, or an ncnn .param file", sources.resolve("notes.txt"), "x", "auto", 0);
		assertRefused(ModelFormatException.class, "its weights lonely.bin are missing", Files.write(sources.resolve("lonely.param"), new byte[1]), "x", "auto", 0);
		assertEquals(before, names(models), "nothing added, not even a hidden file");
		assertEquals(List.of("demo-x2", "taken"), new ModelRegistry(models).ids());
	}

	@Test
	void removeDeletesTheModelAndItsCardOnlyInTheFolder() throws IOException {
		catalogue.importModel(new ModelImport(TinyModels.nearestOnly(2), "a", ModelImport.AUTO, 0));
		catalogue.importModel(new ModelImport(TinyModels.conv(3, 3), "b", ModelImport.AUTO, 0));
		final Path outside = Files.copy(TinyModels.conv(3, 3), root.resolve("outside.onnx"));
		assertEquals(List.of(models.resolve("a.onnx"), models.resolve("a.json")), catalogue.remove("a"));
		assertEquals(List.of("b.json", "b.onnx"), names(models));
		final InvalidOptionsException unknown = assertThrows(InvalidOptionsException.class, () -> catalogue.remove("../outside"));
		assertTrue(unknown.getMessage().startsWith("No model '../outside' in " + models + " to remove. Installed: [b]."), unknown.getMessage());
		assertTrue(Files.exists(outside));
	}

	@Test
	void verifyReportsOkMismatchMissingAndNoChecksum() throws IOException {
		// setup
		catalogue.importModel(new ModelImport(TinyModels.nearestOnly(2), "good", ModelImport.AUTO, 0));
		catalogue.importModel(new ModelImport(TinyModels.conv(3, 3), "changed", ModelImport.AUTO, 0));
		catalogue.importModel(new ModelImport(TinyModels.conv(3, 3), "gone", ModelImport.AUTO, 0));
		final String recorded = Sha256.of(models.resolve("changed.onnx"));
		Files.copy(TinyModels.identity(3), models.resolve("changed.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.delete(models.resolve("gone.onnx"));
		Files.copy(TinyModels.identity(3), models.resolve("uncarded.onnx"));
		// process
		final List<ChecksumCheck> checks = catalogue.verify();
		// test
		assertEquals(List.of("changed", "gone", "good", "uncarded"), checks.stream().map(ChecksumCheck::id).collect(Collectors.toList()));
		assertEquals(List.of(Status.MISMATCH, Status.MISSING_FILE, Status.OK, Status.NO_CHECKSUM), checks.stream().map(ChecksumCheck::status).collect(Collectors.toList()));
		assertEquals("changed.onnx: expected SHA-256 " + recorded + ", actual " + Sha256.of(TinyModels.identity(3)) + "; install or import it again", checks.get(0).detail());
		assertEquals("no checksum recorded: no card", checks.get(3).detail());
		assertEquals("1 ok, 1 MISMATCH, 1 missing file, 1 no checksum", ModelCatalogue.summary(checks));
		assertEquals(List.of("demo-x2", "changed", "good", "uncarded"), new ModelRegistry(models).ids(), "a mismatch is reported, not refused");
	}

	@Test
	void theInstalledDefaultModelsVerifyAndSplitByTask() {
		assumeTrue(RealModels.installed("realesrgan-x4plus"), "RENOVO_MODELS with the default models");
		final ModelCatalogue real = new ModelCatalogue(RealModels.modelsDirectory());
		final List<ChecksumCheck> checks = real.verify();
		assertEquals(26, checks.size());
		assertEquals("26 ok", ModelCatalogue.summary(checks));
		final ModelRegistry registry = new ModelRegistry(RealModels.modelsDirectory());
		assertEquals(List.of("waifu2x-cunet-noise0", "waifu2x-cunet-noise1", "waifu2x-cunet-noise2", "waifu2x-cunet-noise3"), registry.idsForTask("denoise"));
		assertEquals(23, registry.idsForTask("upscale").size(), "demo-x2 and 22 upscale models");
	}

	// -- Helper methods --

	private void assertRefused(final Class<? extends RenovoException> type, final String message, final Path file, final String id, final String task, final int scale) {
		final RenovoException e = assertThrows(type, () -> catalogue.importModel(new ModelImport(file, id, task, scale)));
		assertTrue(e.getMessage().contains(message), e.getMessage());
		assertFalse(Files.exists(models.resolve(id + ".onnx")) && !id.equals("taken"), id);
	}

	private static List<String> names(final Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
