package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.renovo.testing.TinyModels;
import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * Each command offers the models whose card task fits, in id order; choices only fill the dialog, so a
 * macro may still name a model file by its path, or a model of another task.
 */
@ExtendWith(PrivateFolders.class)
class ModelChoicesTest {

	private Context context;
	private Path models;

	@BeforeEach
	void setUp() throws Exception {
		models = Files.createDirectories(DefaultRenovoService.modelsDirectory());
		card("up-x2", "upscale", 2, TinyModels.nearestOnly(2));
		card("clean", "denoise", 1, TinyModels.conv(3, 3));
		card("lost", "denoise", 1, TinyModels.conv(3, 3));
		Files.delete(models.resolve("lost.onnx"));
		Files.copy(TinyModels.identity(3), models.resolve("bare.onnx"));
		context = new Context();
	}

	@AfterEach
	void tearDown() throws Exception {
		context.dispose();
		for (final String f : new String[] { "up-x2.onnx", "up-x2.json", "clean.onnx", "clean.json", "lost.json", "bare.onnx", "demo-x2.onnx" })
			Files.deleteIfExists(models.resolve(f));
	}

	@Test
	void eachCommandListsTheModelsOfItsTask() throws Exception {
		final Module upscale = run(UpscaleCommand.class, "model", "up-x2");
		final Module denoise = run(DenoiseCommand.class, "model", "clean", "level", 1, "blend", 1.0);
		final Module restore = run(RestoreCommand.class, "level", "off", "model", "up-x2", "scale", 0.0, "colour", "off", "colour_strength", 0.0);
		assertEquals(List.of("demo-x2", "bare", "up-x2"), upscale.getInfo().getInput("model").getChoices());
		assertEquals(List.of("waifu2x-cunet", "clean"), denoise.getInfo().getInput("model").getChoices());
		assertEquals(List.of("none", "demo-x2", "bare", "up-x2"), restore.getInfo().getInput("model").getChoices());
		assertEquals(40, result(upscale).getWidth());
		assertEquals(20, result(denoise).getWidth());
		assertEquals(40, result(restore).getWidth());
	}

	@Test
	void aPathOrAModelOfAnotherTaskStillRuns() throws Exception {
		assertEquals(40, result(run(UpscaleCommand.class, "model", TinyModels.nearestOnly(2).toAbsolutePath().toString())).getWidth());
		assertEquals(20, result(run(DenoiseCommand.class, "model", TinyModels.conv(3, 3).toAbsolutePath().toString(), "level", 1, "blend", 1.0)).getWidth());
		assertEquals(20, result(run(DenoiseCommand.class, "model", "bare", "level", 1, "blend", 1.0)).getWidth());
	}

	// -- Helper methods --

	private void card(final String id, final String task, final int scale, final Path model) throws Exception {
		Files.copy(model, models.resolve(id + ".onnx"));
		Files.write(models.resolve(id + ".json"), ("{\"id\": \"" + id + "\", \"task\": \"" + task + "\", \"scale\": " + scale + "}").getBytes(StandardCharsets.UTF_8));
	}

	private Module run(final Class<? extends Command> command, final Object... keysAndValues) throws Exception {
		final Object[] all = new Object[keysAndValues.length + 8];
		System.arraycopy(new Object[] { "image", TestImages.random("in.tif", 8, 20, 12, 1, 255), "tile_size", 64, "tile_overlap", 8, "device", "cpu" }, 0, all, 0, 8);
		System.arraycopy(keysAndValues, 0, all, 8, keysAndValues.length);
		return context.service(ModuleService.class).run(context.service(CommandService.class).getCommand(command), true, all).get();
	}

	private static ImagePlus result(final Module m) {
		final Cancelable c = (Cancelable) m;
		assertFalse(c.isCanceled(), c.getCancelReason());
		return (ImagePlus) m.getOutput("result");
	}
}
