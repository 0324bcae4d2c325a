package org.renovo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every measurement as one row, {@code section,input,tile,tiles,rep,metric,value} (long format: one
 * schema for every section, easy to pivot). Times in seconds, memory in MB.
 */
final class Csv {

	private static final String HEADER = "section,input_px,tile_size,tiles,rep,metric,value";
	private final List<String> rows = new ArrayList<>();

	void add(final String section, final int input, final int tile, final int tiles, final int rep, final String metric, final double value) {
		rows.add(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%s,%.6f", section, input, tile, tiles, rep, metric, value));
	}

	/** Adds a free-text fact (machine, versions) as a row with no numbers. */
	void note(final String metric, final String value) {
		rows.add("info,0,0,0,0," + metric + ",\"" + value.replace("\"", "'") + "\"");
	}

	void write(final Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		final List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		lines.addAll(rows);
		Files.write(file, lines, StandardCharsets.UTF_8);
	}
}
