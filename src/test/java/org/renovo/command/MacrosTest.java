package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * Every {@code run("X...", "options")} in {@code macros/*.ijm} names a Renovo command, uses only that
 * command's keys (its input names, as Fiji's macro recorder writes them), and gives every input that has
 * no default (an input missing from a macro's options opens a dialog, even in a macro).
 */
class MacrosTest {

	private static final Pattern RUN = Pattern.compile("run\\(\\s*\"([^\"]+)\"\\s*,\\s*(.*?)\\)\\s*;");
	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
	private static final Pattern KEY = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\\s|$)");

	@Test
	void everyMacroCallMatchesItsCommand() throws IOException {
		final List<Path> macros;
		try (Stream<Path> files = Files.list(Paths.get("macros"))) {
			macros = files.filter(p -> p.toString().endsWith(".ijm")).sorted().collect(Collectors.toList());
		}
		assertTrue(macros.size() >= 4, "one macro per command and a batch example: " + macros);
		final Set<String> called = new TreeSet<>();
		try (Context context = new Context(CommandService.class)) {
			final CommandService commands = context.service(CommandService.class);
			for (final Path macro : macros) {
				for (final String[] call : calls(Files.readString(macro))) {
					called.add(call[0]);
					assertEquals(List.of(), problems(commands, call[0], call[1]), macro + ": run(\"" + call[0] + "\", \"" + call[1] + "\")");
				}
			}
		}
		assertEquals(Set.of("Batch...", "Denoise...", "Models...", "Restore...", "Upscale..."), called);
	}

	@Test
	void theCheckFindsWrongAndMissingKeys() {
		try (Context context = new Context(CommandService.class)) {
			final CommandService commands = context.service(CommandService.class);
			assertEquals(List.of("unknown key 'modle'"), problems(commands, "Upscale...", "modle=demo-x2"));
			assertTrue(problems(commands, "Batch...", "task=upscale input_dir=[/a]").contains("missing required key 'output_dir'"));
			assertEquals(List.of("no Renovo command is named 'Upscale'"), problems(commands, "Upscale", "model=demo-x2"));
			final List<String[]> parsed = calls("run(\"Batch...\", \"task=restore input_dir=[\" + in + \"] output_dir=[\" + out + \"]\");");
			assertEquals("task=restore input_dir=[X] output_dir=[X]", parsed.get(0)[1]);
		}
	}

	/** Each call's command name and its options with variables replaced by {@code X}. */
	static List<String[]> calls(final String macro) {
		final List<String[]> out = new ArrayList<>();
		final Matcher m = RUN.matcher(macro.replaceAll("(?m)//.*$", ""));
		while (m.find()) {
			final StringBuilder options = new StringBuilder();
			final String expression = m.group(2);
			final Matcher lit = LITERAL.matcher(expression);
			int end = 0;
			while (lit.find()) {
				variable(expression.substring(end, lit.start()), options);
				options.append(lit.group(1));
				end = lit.end();
			}
			variable(expression.substring(end), options);
			out.add(new String[] { m.group(1), options.toString() });
		}
		return out;
	}

	/** A variable between literals ({@code " + input + "}) stands for some value: {@code X}. */
	private static void variable(final String between, final StringBuilder options) {
		if (!between.replace("+", "").trim().isEmpty()) options.append('X');
	}

	static List<String> problems(final CommandService commands, final String name, final String options) {
		final List<String> problems = new ArrayList<>();
		final CommandInfo info = commands.getCommands().stream()
			.filter(c -> c.getClassName().startsWith("org.renovo.") && c.getMenuPath() != null && c.getMenuPath().getLeaf() != null && name.equals(c.getMenuPath().getLeaf().getName()))
			.findFirst().orElse(null);
		if (info == null) return List.of("no Renovo command is named '" + name + "'");
		final Set<String> keys = new LinkedHashSet<>();
		final Matcher k = KEY.matcher(options.replaceAll("\\[[^\\]]*\\]", "[]"));
		while (k.find()) keys.add(k.group(1));
		final Set<String> inputs = new LinkedHashSet<>();
		for (final ModuleItem<?> item : info.inputs())
			if (!Service.class.isAssignableFrom(item.getType()) && item.getType() != Context.class) inputs.add(item.getName());
		for (final String key : keys)
			if (!inputs.contains(key)) problems.add("unknown key '" + key + "'");
		for (final String input : inputs)
			if (!keys.contains(input) && required(info, input)) problems.add("missing required key '" + input + "'");
		return problems;
	}

	/** An input a macro must give: not the active image (macros fill that), and without a default value. */
	private static boolean required(final CommandInfo info, final String input) {
		try {
			final Class<?> type = info.loadClass();
			final Object command = type.getDeclaredConstructor().newInstance();
			final Field field = field(type, input);
			if (field.getType() == ImagePlus.class) return false;
			field.setAccessible(true);
			return field.get(command) == null;
		}
		catch (final ReflectiveOperationException | org.scijava.InstantiableException e) {
			throw new AssertionError("Cannot inspect " + info.getClassName() + "." + input + ": " + e, e);
		}
	}

	private static Field field(final Class<?> type, final String name) throws NoSuchFieldException {
		for (Class<?> c = type; c != null; c = c.getSuperclass())
			for (final Field f : c.getDeclaredFields())
				if (f.getName().equals(name)) return f;
		throw new NoSuchFieldException(name);
	}
}
