package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.renovo.model.ModelCard;
import org.renovo.model.Sha256;
import org.renovo.testing.TinyModels;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/** {@code Plugins > Renovo > Models...} run headless as a macro runs it, on a private models folder. */
@ExtendWith(PrivateFolders.class)
class ModelsCommandTest {

	private Context context;
	private Path models;
	private final List<String> log = new ArrayList<>();

	@BeforeEach
	void setUp() throws IOException {
		models = Files.createDirectories(DefaultRenovoService.modelsDirectory());
		context = new Context();
		context.service(LogService.class).addLogListener(m -> log.add(LogLevel.prefix(m.level()) + " " + m.text()));
	}

	@AfterEach
	void tearDown() throws IOException {
		context.dispose();
		try (Stream<Path> files = Files.walk(models)) {
			for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator)
				if (!p.equals(models)) Files.delete(p);
		}
	}

	@Test
	void listIsATableOfEveryModelAndBadEntriesDoNotStopTheOthers() throws Exception {
		// setup
		assertTrue(GraphicsEnvironment.isHeadless(), "this test proves the command works headless");
		ok(models("import", TinyModels.nearestOnly(2).toFile(), "up-x2"));
		ok(models("import", TinyModels.conv(3, 3).toFile(), "clean"));
		Files.copy(TinyModels.identity(3), models.resolve("bare.onnx"));
		Files.write(models.resolve("lost.json"), "{\"id\": \"lost\", \"task\": \"upscale\", \"scale\": 4}".getBytes(StandardCharsets.UTF_8));
		// process
		final ResultsTable t = table(ok(models("list", new File(""), "")));
		// test
		assertEquals(List.of("demo-x2", "bare", "clean", "lost", "up-x2"), column(t, "id"));
		assertEquals(List.of("upscale", "-", "denoise", "upscale", "upscale"), column(t, "task"));
		assertEquals(List.of("ok", "ok (no card: listed under Upscale)", "ok", "missing file", "ok"), column(t, "status"));
		assertEquals(2, t.getValue("scale", 4));
		assertEquals(3, t.getValue("channels", 4));
		assertEquals("unknown", t.getStringValue("licence", 4));
		assertEquals(models.resolve("up-x2.onnx").toString(), t.getStringValue("location", 4));
		assertEquals(Files.size(models.resolve("up-x2.onnx")) / 1e6, t.getValue("size (MB)", 4), 1e-9);
		assertTrue(Double.isNaN(t.getValue("scale", 1)));
		assertTrue(log.stream().anyMatch(l -> l.startsWith("WARNING Renovo: Model 'lost' has a card")), log.toString());
		final Module upscale = context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(UpscaleCommand.class), true,
			"image", TestImages.random("in", 8, 10, 6, 1, 255), "model", "up-x2", "tile_size", 64, "tile_overlap", 8, "device", "cpu").get();
		assertEquals(20, ((ImagePlus) upscale.getOutput("result")).getWidth());
	}

	@Test
	void importWritesTheModelAndItsCardAndRemoveDeletesThem() throws Exception {
		ok(models("import", TinyModels.nearestOnly(2).toFile(), ""));
		final ModelCard card = ModelCard.read(models.resolve("nearest-only2.json"));
		assertEquals(Sha256.of(models.resolve("nearest-only2.onnx")), card.sha256().get("onnx"));
		assertEquals("upscale", card.task());
		assertTrue(log.contains("INFO Renovo: imported 'nearest-only2' (upscale, x2, 3 channels) into " + models + "; it is listed under Upscale and Restore"), log.toString());
		ok(models("remove", new File(""), "nearest-only2"));
		assertEquals(List.of(), names());
		final CommandModule unknown = models("remove", new File(""), "nearest-only2");
		assertTrue(unknown.isCanceled());
		assertTrue(unknown.getCancelReason().startsWith("No model 'nearest-only2' in " + models + " to remove. Installed: []."), unknown.getCancelReason());
	}

	@Test
	void aModelWithTwoInputsIsRefusedAndNothingIsAdded() throws Exception {
		ok(models("import", TinyModels.conv(3, 3).toFile(), "kept"));
		final CommandModule m = models("import", TinyModels.twoInputs().toFile(), "two");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().startsWith("Cannot import " + TinyModels.twoInputs() + ": Model two.onnx has 2 inputs [a, b]; Renovo runs image-to-image models with exactly one input."), m.getCancelReason());
		assertEquals(List.of("kept.json", "kept.onnx"), names());
		assertEquals(List.of("demo-x2", "kept"), column(table(ok(models("list", new File(""), ""))), "id"));
	}

	@Test
	void verifyTablesEveryModelAndNamesBothDigestsOfAMismatch() throws Exception {
		// setup
		ok(models("import", TinyModels.nearestOnly(2).toFile(), "good"));
		ok(models("import", TinyModels.conv(3, 3).toFile(), "changed"));
		final String recorded = Sha256.of(models.resolve("changed.onnx"));
		Files.copy(TinyModels.identity(3), models.resolve("changed.onnx"), StandardCopyOption.REPLACE_EXISTING);
		// process
		final ResultsTable t = table(ok(models("verify", new File(""), "")));
		// test
		assertEquals(List.of("changed", "good"), column(t, "id"));
		assertEquals(List.of("MISMATCH", "ok"), column(t, "status"));
		assertEquals("changed.onnx: expected SHA-256 " + recorded + ", actual " + Sha256.of(TinyModels.identity(3)) + "; install or import it again", t.getStringValue("detail", 0));
		assertTrue(log.contains("INFO Renovo: verified the models: 1 ok, 1 MISMATCH"), log.toString());
	}

	// -- Helper methods --

	private CommandModule models(final String action, final File file, final String model) throws Exception {
		return (CommandModule) context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(ModelsCommand.class), true,
			"action", action, "file", file, "model", model, "task", "auto", "scale", 0).get();
	}

	private static CommandModule ok(final CommandModule m) {
		assertFalse(m.isCanceled(), m.getCancelReason());
		return m;
	}

	private static ResultsTable table(final CommandModule m) {
		return ((ModelsCommand) m.getCommand()).table();
	}

	private static List<String> column(final ResultsTable t, final String name) {
		final List<String> values = new ArrayList<>();
		for (int row = 0; row < t.size(); row++)
			values.add(t.getStringValue(name, row));
		return values;
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(models)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
