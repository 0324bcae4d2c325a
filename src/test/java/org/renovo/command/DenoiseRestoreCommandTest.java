package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import ij.CompositeImage;
import ij.ImagePlus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.renovo.testing.TinyModels;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/** Denoise and Restore run as a macro runs them: keys, hyperstacks kept, advice logged (never a dialog). */
@ExtendWith(PrivateFolders.class)
class DenoiseRestoreCommandTest {

	private Context context;
	private final List<String> warnings = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		final Path models = Paths.get(System.getProperty("scijava.app.directory"), "models", "renovo");
		Files.createDirectories(models);
		Files.copy(TinyModels.identity(3), models.resolve("identity.onnx"), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(TinyModels.nearestOnly(2), models.resolve("tiny-x2.onnx"), StandardCopyOption.REPLACE_EXISTING);
		context = new Context();
		context.service(LogService.class).addLogListener(m -> {
			if (m.level() == LogLevel.WARN) warnings.add(m.text());
		});
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	@Test
	void denoiseKeepsAHyperstackAndItsValues() throws Exception {
		final CompositeImage input = TestImages.hyperstack();
		final String before = TestImages.fingerprint(input);
		final ImagePlus out = resultOf(run(DenoiseCommand.class, "image", input, "model", "identity", "level", 1, "blend", 1.0, "tile_size", 64, "tile_overlap", 8, "device", "cpu"));
		assertArrayEquals(input.getDimensions(), out.getDimensions());
		assertTrue(out instanceof CompositeImage);
		for (int i = 1; i <= input.getStackSize(); i++)
			assertArrayEquals((short[]) input.getStack().getPixels(i), (short[]) out.getStack().getPixels(i), "plane " + i);
		assertEquals(before, TestImages.fingerprint(input));
		assertTrue(((String) out.getProperty("Info")).contains("plane 12 normalised by percentiles"));
		assertTrue(warnings.stream().anyMatch(w -> w.contains("short side under 200 px")), warnings.toString());
	}

	@Test
	void restoreUpscalesWithItsModelKey() throws Exception {
		final ImagePlus input = TestImages.random("photo.jpg", 24, 30, 20, 1, 255);
		final ImagePlus out = resultOf(run(RestoreCommand.class, "image", input, "level", "off", "model", "tiny-x2", "scale", 0.0, "colour", "off", "colour_strength", 0.5,
			"tile_size", 64, "tile_overlap", 8, "device", "cpu"));
		assertEquals(60, out.getWidth());
		assertEquals("photo-restore", out.getTitle());
	}

	@Test
	void aBadOptionCancelsWithItsKey() throws Exception {
		final Module m = run(DenoiseCommand.class, "image", TestImages.random("a", 8, 8, 8, 1, 255), "model", "identity", "level", 7, "blend", 1.0, "tile_size", 64, "tile_overlap", 8, "device", "cpu");
		assertTrue(((Command) m.getDelegateObject() instanceof TaskCommand) && ((TaskCommand) m.getDelegateObject()).isCanceled());
		assertTrue(((TaskCommand) m.getDelegateObject()).getCancelReason().contains("level=7"));
	}

	private Module run(final Class<? extends Command> type, final Object... keysAndValues) throws Exception {
		final CommandInfo info = context.service(CommandService.class).getCommand(type);
		return context.service(ModuleService.class).run(info, true, keysAndValues).get();
	}

	private static ImagePlus resultOf(final Module m) {
		final TaskCommand c = (TaskCommand) m.getDelegateObject();
		assertFalse(c.isCanceled(), c.getCancelReason());
		return (ImagePlus) m.getOutput("result");
	}
}
