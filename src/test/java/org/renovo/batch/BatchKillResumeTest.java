package org.renovo.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.imagej.ImageFiles;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.tiling.TileOptions;

/**
 * A real {@code kill -9} of {@code renovo batch} in a child JVM part-way through, then the same command
 * again: every output that has its final name is complete and pixel-exact, the rerun skips those,
 * finishes the rest and leaves no temporary file, and the inputs never change.
 */
class BatchKillResumeTest {

	private static final int FILES = 24, SIZE = 256, TILE = 128;

	@TempDir
	Path dir;

	@Test
	void killedRunKeepsOnlyCompleteOutputsAndTheRerunFinishesTheRest() throws Exception {
		// setup
		final Path in = Files.createDirectory(dir.resolve("in")), out = dir.resolve("out");
		for (int i = 0; i < FILES; i++) BatchFiles.rgbPng(in.resolve(String.format("scan-%02d.png", i)), SIZE, SIZE, i);
		final Map<String, String> inputs = BatchFiles.fingerprint(in);
		// process: kill once three outputs exist
		final Process first = start(in, out, "first");
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (finished(out).size() < 3 && first.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
		first.destroyForcibly();
		assertTrue(first.waitFor(10, TimeUnit.SECONDS));
		final List<Path> survivors = finished(out);
		// test: killed part-way, and what has a final name is complete
		assertEquals(137, first.exitValue(), "SIGKILL, not a normal exit; stderr: " + log("first"));
		assertTrue(survivors.size() >= 3 && survivors.size() < FILES, survivors.size() + " outputs: the machine finished before the kill; use more or larger images");
		try (BatchFiles.DemoUpscale demo = new BatchFiles.DemoUpscale(dir, options())) {
			final Map<String, int[]> reference = new HashMap<>();
			for (final Path output : survivors) assertSamePixels(demo, reference, in, output);
			// process: the same command again
			final Process second = start(in, out, "second");
			assertTrue(second.waitFor(30, TimeUnit.SECONDS), "rerun finished");
			// test
			final String log = log("second");
			assertEquals(0, second.exitValue(), log);
			assertTrue(log.contains("Batch finished: " + (FILES - survivors.size()) + " done, " + survivors.size() + " skipped (already finished), 0 failed"), log);
			final List<Path> all = finished(out);
			assertEquals(FILES, all.size());
			assertEquals(all, BatchFiles.files(out), "no temporary or other file is left");
			for (final Path output : all) assertSamePixels(demo, reference, in, output);
		}
		assertEquals(inputs, BatchFiles.fingerprint(in));
	}

	private static RunOptions options() {
		return RunOptions.defaults().withTiles(TileOptions.defaults().withTileSize(TILE));
	}

	/** Runs {@code renovo batch} in a child JVM with private models, cache and home, output to {@code <name>.log}. */
	private Process start(final Path in, final Path out, final String name) throws IOException {
		final List<String> command = new ArrayList<>(Arrays.asList(
			Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
			"-Djava.awt.headless=true", "-Duser.home=" + Paths.get("target", "test-home").toAbsolutePath(),
			"-Drenovo.models=" + dir.resolve("models"), "-Drenovo.cache=" + dir.resolve("cache"),
			"org.renovo.cli.Main", "batch", "--task", "upscale", "--model", "demo-x2", "--device", "cpu", "--tile", String.valueOf(TILE),
			"--input-dir", in.toString(), "--output-dir", out.toString()));
		final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
		pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
		return pb.start();
	}

	private String log(final String name) throws IOException {
		return new String(Files.readAllBytes(dir.resolve(name + ".log")), StandardCharsets.UTF_8);
	}

	/** The outputs with their final names (hidden temporary files left out). */
	private static List<Path> finished(final Path out) throws IOException {
		if (!Files.isDirectory(out)) return List.of();
		return BatchFiles.files(out).stream().filter(f -> !f.getFileName().toString().startsWith(".")).collect(Collectors.toList());
	}

	/** Decodes {@code output} completely and compares it with demo-x2 run in this JVM on its input (computed once per file). */
	private static void assertSamePixels(final BatchFiles.DemoUpscale demo, final Map<String, int[]> reference, final Path in, final Path output) {
		final String base = output.getFileName().toString().replace(".tif", "");
		final int[] expected = reference.computeIfAbsent(base, b -> (int[]) demo.task.apply(ImageFiles.read(in.resolve(b + ".png")), b, RunMonitor.NONE).getProcessor().getPixels());
		final ImagePlus actual = ImageFiles.read(output);
		assertEquals(2 * SIZE, actual.getWidth(), output.toString());
		assertArrayEquals(expected, (int[]) actual.getProcessor().getPixels(), output.toString());
	}
}
