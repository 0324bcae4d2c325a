package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ij.ImagePlus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.renovo.command.RestoreCommand;
import org.renovo.task.RestoreTask;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * {@code renovo upscale|denoise|restore} take the options of the Fiji commands, each key with dashes
 * ({@code tile_size} and {@code tile_overlap} are {@code --tile} and {@code --overlap}, as released),
 * with the same defaults.
 */
class CliParityTest {

	@ParameterizedTest
	@CsvSource({ "upscale, org.renovo.command.UpscaleCommand", "denoise, org.renovo.command.DenoiseCommand", "restore, org.renovo.command.RestoreCommand" })
	void sameOptionsAndDefaults(final String task, final Class<?> command) throws Exception {
		final Map<String, Object> fields = inputs(command);
		assertEquals(new TreeSet<>(fields.keySet()), new TreeSet<>(TaskFactory.options(task)), task);
		final Map<String, Object> cli = new HashMap<>(TaskFactory.COMMON_DEFAULTS);
		cli.putAll(TaskFactory.DEFAULTS.get(task));
		for (final Map.Entry<String, Object> f : fields.entrySet()) {
			if (task.equals("upscale") && f.getKey().equals("--model")) continue; // required on the command line
			assertEquals(normal(f.getValue()), normal(cli.get(f.getKey())), task + " " + f.getKey());
		}
	}

	@Test
	void choicesAreTheTasksValues() throws Exception {
		assertEquals(RestoreTask.NOISE_LEVELS, List.of(RestoreCommand.class.getDeclaredField("level").getAnnotation(Parameter.class).choices()));
		assertEquals(RestoreTask.COLOURS, List.of(RestoreCommand.class.getDeclaredField("colour").getAnnotation(Parameter.class).choices()));
	}

	/** The command's macro keys as command-line options, with their default values. */
	private static Map<String, Object> inputs(final Class<?> command) throws Exception {
		final Object instance = command.getDeclaredConstructor().newInstance();
		final Map<String, Object> out = new HashMap<>();
		final List<Class<?>> chain = new ArrayList<>();
		for (Class<?> c = command; c != Object.class; c = c.getSuperclass()) chain.add(c);
		for (final Class<?> c : chain)
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || Service.class.isAssignableFrom(f.getType()) || f.getType() == ImagePlus.class || f.getType() == org.scijava.Context.class) continue;
				f.setAccessible(true);
				out.put(option(f.getName()), f.get(instance));
			}
		return out;
	}

	private static String option(final String key) {
		if (key.equals("tile_size")) return "--tile";
		if (key.equals("tile_overlap")) return "--overlap";
		return "--" + key.replace('_', '-');
	}

	private static Object normal(final Object v) {
		return v instanceof Number ? (Object) ((Number) v).doubleValue() : v;
	}
}
