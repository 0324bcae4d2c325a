package org.renovo.cli;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one subcommand: {@code --name value} or {@code --name=value}, each at most once, and no
 * positional arguments. Immutable once parsed.
 * <pre>{@code
 * Arguments a = Arguments.parse("upscale", args, Arrays.asList("--input", "--tile"));
 * int tile = a.integer("--tile", 256);
 * }</pre>
 */
final class Arguments {

	private final String command;
	private final Map<String, String> values;

	private Arguments(final String command, final Map<String, String> values) {
		this.command = command;
		this.values = values;
	}

	/** True when {@code args} asks for help anywhere, so a broken command line still gets the usage. */
	static boolean wantsHelp(final String[] args) {
		return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
	}

	/** @throws UsageException for an unknown option, a missing value, a repeated option or a stray word */
	static Arguments parse(final String command, final String[] args, final Collection<String> options) {
		final Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			final int eq = args[i].indexOf('=');
			final String name = eq > 0 ? args[i].substring(0, eq) : args[i];
			if (!options.contains(name)) throw new UsageException(unknown(command, args[i]));
			if (eq < 0 && (i + 1 >= args.length || options.contains(args[i + 1]))) throw new UsageException("Option " + name + " needs a value" + hint(command));
			final String value = eq > 0 ? args[i].substring(eq + 1) : args[++i];
			if (values.put(name, value) != null) throw new UsageException("Option " + name + " is given twice" + hint(command));
		}
		return new Arguments(command, values);
	}

	Optional<String> value(final String name) {
		return Optional.ofNullable(values.get(name));
	}

	String required(final String name) {
		return value(name).orElseThrow(() -> new UsageException("Missing " + name + hint(command)));
	}

	int integer(final String name, final int fallback) {
		final Optional<String> text = value(name);
		if (!text.isPresent()) return fallback;
		try {
			return Integer.parseInt(text.get().trim());
		}
		catch (final NumberFormatException e) {
			throw new UsageException("Option " + name + " needs a whole number, got '" + text.get() + "'" + hint(command), e);
		}
	}

	double decimal(final String name, final double fallback) {
		final Optional<String> text = value(name);
		if (!text.isPresent()) return fallback;
		try {
			return Double.parseDouble(text.get().trim());
		}
		catch (final NumberFormatException e) {
			throw new UsageException("Option " + name + " needs a number, got '" + text.get() + "'" + hint(command), e);
		}
	}

	private static String unknown(final String command, final String arg) {
		return (arg.startsWith("-") ? "Unknown option " : "Unexpected argument ") + "'" + arg + "'" + hint(command);
	}

	private static String hint(final String command) {
		return " (see: renovo " + command + " --help)";
	}
}
