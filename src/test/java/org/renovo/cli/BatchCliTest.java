package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code renovo batch}: usage errors, set-up refusals, exit codes and the printed end report. */
class BatchCliTest {

	@TempDir
	Path dir;
	Path in, out;

	@BeforeEach
	void setUp() throws IOException {
		CliRun.useFolders(dir);
		in = Files.createDirectory(dir.resolve("in"));
		out = dir.resolve("out");
		for (int i = 0; i < 2; i++) {
			final ByteProcessor ip = new ByteProcessor(9 + i, 7);
			ip.add(40 * i + 10);
			CliRun.saveTiff(new ImagePlus("p" + i, ip), in.resolve("p" + i + ".tif"));
		}
	}

	@AfterEach
	void clear() { CliRun.clearFolders(); }

	@Test
	void helpAndMainUsageNameTheCommand() {
		final CliRun help = CliRun.run("batch", "--help");
		assertEquals(Main.OK, help.code);
		assertTrue(help.out.startsWith("Usage: renovo batch --task upscale|denoise|restore --input-dir <folder> --output-dir <folder>"), help.out);
		assertTrue(help.out.contains("--colour-strength") && help.out.contains("--blend <0-1>"), help.out);
		assertTrue(help.out.contains("--pattern <glob>") && help.out.contains("--tile <N>"), help.out);
		assertTrue(CliRun.run("--help").out.contains("  batch     run upscale, denoise or restore over every image of a folder"));
	}

	@Test
	void badUsageExitsTwoWithOneLineAndWritesNothing() {
		final String[][] cases = {
			{ "--model", "DROP" },
			{ "--task", "sharpen" },
			{ "--task", "denoise" },
			{ "--blend", "0.5" },
			{ "--format", "bmp" },
			{ "--tile", "abc" },
			{ "--bogus", "1" },
			{ "--input-dir", "MISSING" },
			{ "--output-dir", "IN" },
			{ "--pattern", "*.gif" },
			{ "--model", "no-such-model" },
		};
		final String[] expected = { "Missing --model", "Unknown task 'sharpen'", "Denoise needs a 1x model", "Option --blend does not apply to --task upscale", "Unknown output format 'bmp'", "Option --tile needs a whole number",
			"Unknown option '--bogus'", "Input folder not found", "is the input folder: choose another output folder", "matches the pattern *.gif", "no-such-model" };
		for (int i = 0; i < cases.length; i++) {
			final CliRun r = CliRun.run(args(cases[i]));
			assertEquals(Main.BAD_INPUT, r.code, Arrays.toString(cases[i]) + r.err);
			assertTrue(r.errLines()[0].startsWith("renovo: ") && r.errLines()[0].contains(expected[i]), Arrays.toString(cases[i]) + ": " + r.err);
			assertEquals("", r.out);
			assertFalse(Files.exists(out), Arrays.toString(cases[i]));
		}
	}

	@Test
	void allGoodExitsZeroWithProgressPathsAndReport() {
		final CliRun r = CliRun.run(args());
		assertEquals(Main.OK, r.code, r.err);
		assertEquals(out.resolve("p0.tif") + "\n" + out.resolve("p1.tif"), r.out.trim().replace("\r", ""));
		assertTrue(r.err.matches("(?s).*\\[1/2\\] p0\\.tif \\.\\.\\. [0-9]+\\.[0-9] s, ETA [0-9]+ s\\R.*"), r.err);
		assertTrue(r.err.contains("[2/2] p1.tif ... "), r.err);
		assertTrue(r.err.contains("renovo: Batch finished: 2 done, 0 skipped (already finished), 0 failed"), r.err);
		assertEquals(20, CliRun.open(out.resolve("p1.tif")).getWidth());
		// a second run finds everything finished
		final CliRun again = CliRun.run(args());
		assertEquals(Main.OK, again.code, again.err);
		assertEquals("", again.out);
		assertTrue(again.err.contains("renovo: Batch finished: 0 done, 2 skipped (already finished), 0 failed"), again.err);
	}

	@Test
	void aBadFileExitsTwoAndIsListedWithItsReason() throws IOException {
		Files.write(in.resolve("broken.tif"), new byte[] { 'I', 'I', 42, 0, 99, 0, 0, 0 });
		final CliRun r = CliRun.run(args("--format", "png"));
		assertEquals(Main.BAD_INPUT, r.code, r.err);
		assertTrue(r.err.contains("[1/3] broken.tif: failed: Cannot read " + in.resolve("broken.tif")), r.err);
		assertTrue(r.err.contains("renovo: Batch finished: 2 done, 0 skipped (already finished), 1 failed\nrenovo: failed: broken.tif: Cannot read ".replace("\n", System.lineSeparator())), r.err);
		assertTrue(Files.isRegularFile(out.resolve("p0.png")));
	}

	@Test
	void restoreRunsWithItsOwnOptions() {
		final CliRun r = CliRun.run(args("--task", "restore", "--model", "none", "--level", "off", "--colour", "stretch", "--colour-strength", "1"));
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus p1 = CliRun.open(out.resolve("p1.tif"));
		assertEquals(10, p1.getWidth()); // no upscale
		assertTrue(((String) p1.getProperty("Info")).contains("step 3, colour stretch"), (String) p1.getProperty("Info"));
	}

	@Test
	void durationsReadAsSecondsMinutesOrHours() {
		assertEquals("42 s", org.renovo.batch.BatchMonitor.duration(42.4));
		assertEquals("8 min", org.renovo.batch.BatchMonitor.duration(8 * 60 + 10));
		assertEquals("2.5 h", org.renovo.batch.BatchMonitor.duration(9000));
	}

	/** A valid command line with {@code overrides} replacing or adding options; IN and MISSING stand for folders, DROP removes the option. */
	private String[] args(final String... overrides) {
		final List<String> a = new ArrayList<>(Arrays.asList("batch", "--task", "upscale", "--model", "demo-x2", "--input-dir", in.toString(), "--output-dir", out.toString(), "--device", "cpu"));
		for (int i = 0; i < overrides.length; i += 2) {
			final String value = overrides[i + 1].equals("IN") ? in.toString() : overrides[i + 1].equals("MISSING") ? dir.resolve("missing").toString() : overrides[i + 1];
			final int at = a.indexOf(overrides[i]);
			if (value.equals("DROP")) { a.remove(at + 1); a.remove(at); continue; }
			if (at >= 0) a.set(at + 1, value);
			else { a.add(overrides[i]); a.add(value); }
		}
		return a.toArray(new String[0]);
	}
}
