package org.renovo.batch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.renovo.error.InvalidOptionsException;
import org.renovo.imagej.OutputFormat;

/**
 * The files of one batch, checked before any work: the input folder's files whose names match a glob
 * (case-insensitive, this folder only, hidden files left out, sorted by name), and for each the output
 * {@code <base name>.<format extension>} in the output folder. Immutable; {@link #of} creates the output
 * folder when it is missing.
 * <pre>{@code
 * BatchJob job = BatchJob.of(Paths.get("scans"), Paths.get("scans-x4"), BatchJob.DEFAULT_PATTERN, OutputFormat.TIFF);
 * }</pre>
 */
public final class BatchJob {

	/** PNG, TIFF and JPEG files by their usual extensions. */
	public static final String DEFAULT_PATTERN = "*.{png,tif,tiff,jpg,jpeg}";

	private final Path inputDirectory, outputDirectory;
	private final OutputFormat format;
	private final List<Path> inputs;

	private BatchJob(final Path inputDirectory, final Path outputDirectory, final OutputFormat format, final List<Path> inputs) {
		this.inputDirectory = inputDirectory;
		this.outputDirectory = outputDirectory;
		this.format = format;
		this.inputs = Collections.unmodifiableList(inputs);
	}

	/**
	 * @throws InvalidOptionsException when the input folder is missing, no file matches, two inputs would
	 *         share one output, or the output folder is a file, the input folder, or not writable
	 */
	public static BatchJob of(final Path inputDirectory, final Path outputDirectory, final String pattern, final OutputFormat format) {
		if (!Files.isDirectory(inputDirectory)) throw new InvalidOptionsException("Input folder not found: " + inputDirectory + ": check the path");
		final List<Path> inputs = list(inputDirectory, matcher(pattern));
		if (inputs.isEmpty()) throw new InvalidOptionsException("No file in " + inputDirectory + " matches the pattern " + pattern + ": check the folder, or give another pattern (default " + DEFAULT_PATTERN + ")");
		checkDistinctOutputs(inputs, format);
		OutputFolder.prepare(outputDirectory, inputDirectory);
		return new BatchJob(inputDirectory, outputDirectory, format, inputs);
	}

	public Path inputDirectory() { return inputDirectory; }

	public Path outputDirectory() { return outputDirectory; }

	public OutputFormat format() { return format; }

	/** The matching input files, sorted by name. */
	public List<Path> inputs() { return inputs; }

	/** Where the result for {@code input} goes: its base name with the format's extension, in the output folder. */
	public Path output(final Path input) {
		return outputDirectory.resolve(baseName(input) + "." + format.extension());
	}

	/** The file name without its last extension: {@code scan.01.tif} gives {@code scan.01}. */
	static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	// -- Helper methods --

	private static PathMatcher matcher(final String pattern) {
		if (pattern.contains("/") || pattern.contains("\\")) throw new InvalidOptionsException("The pattern " + pattern + " names a folder: it matches file names in the input folder only, e.g. *.tif");
		try {
			// NB: lower-casing both sides makes the match case-insensitive on every file system.
			return FileSystems.getDefault().getPathMatcher("glob:" + pattern.toLowerCase(Locale.ROOT));
		}
		catch (final PatternSyntaxException e) {
			throw new InvalidOptionsException("Invalid pattern " + pattern + ": " + e.getDescription() + "; use a glob such as *.{png,tif}", e);
		}
	}

	private static List<Path> list(final Path dir, final PathMatcher matcher) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f))
				.filter(f -> matcher.matches(Paths.get(f.getFileName().toString().toLowerCase(Locale.ROOT))))
				.sorted().collect(Collectors.toCollection(ArrayList::new));
		}
		catch (final IOException e) {
			throw new InvalidOptionsException("Cannot list the input folder " + dir + ": " + e + "; check its permissions", e);
		}
	}

	/** NB: a.png and a.tif would both become a.tif, and the second would then count as finished. */
	private static void checkDistinctOutputs(final List<Path> inputs, final OutputFormat format) {
		final Map<String, Path> seen = new HashMap<>();
		for (final Path input : inputs) {
			final Path other = seen.put(baseName(input).toLowerCase(Locale.ROOT), input);
			if (other != null) throw new InvalidOptionsException(other.getFileName() + " and " + input.getFileName() + " would both be written to " + baseName(input) + "." + format.extension() + ": move or rename one, or narrow the pattern");
		}
	}
}
