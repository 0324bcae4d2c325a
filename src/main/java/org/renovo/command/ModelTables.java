package org.renovo.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.measure.ResultsTable;

import org.renovo.model.ChecksumCheck;
import org.renovo.model.InstalledModel;
import org.renovo.model.ModelCard;
import org.renovo.model.ModelRegistry;

/**
 * The {@code Models...} command's tables, one row per model: ImageJ {@code ResultsTable}s, so a macro
 * reads them with {@code Table.getString(column, row, title)}. Unknown numbers are NaN, unknown text "-".
 */
final class ModelTables {

	static final String MODELS_TITLE = "Renovo models", CHECKS_TITLE = "Renovo model checks";
	private static final double MB = 1e6;

	private ModelTables() {}

	/** id, task, scale, channels, licence, upstream, size (MB), status, location; the built-in demo first. */
	static ResultsTable models(final List<InstalledModel> installed, final Path demoFile) {
		final ResultsTable t = new ResultsTable();
		t.incrementCounter();
		row(t, "demo-x2", ModelRegistry.UPSCALE, 2, 3, "MIT", "built into Renovo", Files.isRegularFile(demoFile) ? size(demoFile) : 0, "ok",
			Files.isRegularFile(demoFile) ? demoFile.toString() : "generated on first use");
		for (final InstalledModel m : installed) {
			t.incrementCounter();
			final ModelCard c = m.card().orElse(null);
			final String status = m.status().label() + (m.card().isPresent() || !m.isUsable() ? "" : " (no card: listed under Upscale)");
			row(t, m.id(), c == null ? "-" : c.task(), c == null ? Double.NaN : c.geometry().scale(), c == null ? Double.NaN : c.channels(),
				text(c == null ? null : c.license()), text(c == null ? null : c.upstream()), m.sizeOnDisk() / MB, status, m.file().toString());
		}
		return t;
	}

	/** id, status (ok, MISMATCH, missing file, no checksum, bad card), detail. */
	static ResultsTable checks(final List<ChecksumCheck> checks) {
		final ResultsTable t = new ResultsTable();
		for (final ChecksumCheck c : checks) {
			t.incrementCounter();
			t.addValue("id", c.id());
			t.addValue("status", c.status().label());
			t.addValue("detail", c.detail());
		}
		return t;
	}

	// -- Helper methods --

	private static void row(final ResultsTable t, final String id, final String task, final double scale, final double channels, final String licence, final String upstream,
		final double megabytes, final String status, final String location)
	{
		t.addValue("id", id);
		t.addValue("task", task);
		t.addValue("scale", scale);
		t.addValue("channels", channels);
		t.addValue("licence", licence);
		t.addValue("upstream", upstream);
		t.addValue("size (MB)", megabytes);
		t.addValue("status", status);
		t.addValue("location", location);
	}

	private static double size(final Path file) {
		return file.toFile().length() / MB;
	}

	private static String text(final String s) {
		return s == null ? "-" : s;
	}
}
