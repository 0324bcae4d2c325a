package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The macro keys are the input names, which macros in the wild depend on: they stay as documented,
 * lower-case snake_case, and none is a suffix of another ({@code overlap=} would also match {@code tile_overlap=}).
 */
class MacroKeysTest {

	@Test
	void keysAreStableAndUnambiguous() {
		try (Context context = new Context(CommandService.class)) {
			final CommandInfo info = context.service(CommandService.class).getCommand(UpscaleCommand.class);
			final List<String> keys = new ArrayList<>();
			for (final ModuleItem<?> item : info.inputs())
				if (!Service.class.isAssignableFrom(item.getType()) && item.getType() != Context.class) keys.add(item.getName());
			assertEquals(Arrays.asList("image", "model", "scale", "tile_size", "tile_overlap", "device"), keys);
			for (final String key : keys) {
				assertTrue(key.matches("[a-z]+(_[a-z]+)*"), key);
				for (final String other : keys)
					assertFalse(!key.equals(other) && other.endsWith(key), key + " is a suffix of " + other);
			}
			assertNotNull(info.getMenuPath());
			assertEquals("Upscale...", info.getMenuPath().getLeaf().getName());
		}
	}

	@Test
	void batchKeysAreStableAndUnambiguous() {
		try (Context context = new Context(CommandService.class)) {
			final CommandInfo info = context.service(CommandService.class).getCommand(BatchCommand.class);
			final List<String> keys = new ArrayList<>();
			for (final ModuleItem<?> item : info.inputs())
				if (!Service.class.isAssignableFrom(item.getType()) && item.getType() != Context.class) keys.add(item.getName());
			assertEquals(Arrays.asList("task", "model", "level", "blend", "scale", "colour", "colour_strength", "input_dir", "output_dir", "pattern", "format", "tile_size", "tile_overlap", "device"), keys);
			for (final String key : keys)
				for (final String other : keys)
					assertFalse(!key.equals(other) && other.endsWith(key), key + " is a suffix of " + other);
			assertEquals("Batch...", info.getMenuPath().getLeaf().getName());
		}
	}

	@Test
	void modelsKeysAreStableAndUnambiguousAndNotPersisted() {
		try (Context context = new Context(CommandService.class)) {
			final CommandInfo info = context.service(CommandService.class).getCommand(ModelsCommand.class);
			final List<String> keys = new ArrayList<>();
			for (final ModuleItem<?> item : info.inputs())
				if (!Service.class.isAssignableFrom(item.getType()) && item.getType() != Context.class) {
					keys.add(item.getName());
					assertFalse(item.isPersisted(), item.getName());
				}
			assertEquals(Arrays.asList("action", "file", "model", "task", "scale"), keys);
			for (final String key : keys)
				for (final String other : keys)
					assertFalse(!key.equals(other) && other.endsWith(key), key + " is a suffix of " + other);
			assertEquals(Arrays.asList("list", "import", "remove", "verify"), info.getInput("action").getChoices());
			assertEquals(org.renovo.model.ModelImport.TASKS, info.getInput("task").getChoices());
			assertEquals("Models...", info.getMenuPath().getLeaf().getName());
		}
	}

	@Test
	void baseNameDropsOnlyTheExtension() {
		assertEquals("blobs", UpscaleCommand.baseName("blobs.gif"));
		assertEquals("cells 2 day.1", UpscaleCommand.baseName("cells 2 day.1.tif"));
		assertEquals("no extension", UpscaleCommand.baseName("no extension"));
	}
}
