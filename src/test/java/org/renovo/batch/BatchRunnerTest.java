package org.renovo.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.io.Opener;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.OutputException;
import org.renovo.imagej.ImageFiles;
import org.renovo.imagej.OutputFormat;
import org.renovo.pipeline.RunOptions;
import org.renovo.testing.TiffBytes;
import org.renovo.tiling.TileOptions;

/** {@link BatchRunner} with demo-x2 on real files: good, bad, resumed, refused, a full disk, a cancel. */
class BatchRunnerTest {

	@TempDir
	static Path shared;
	@TempDir
	Path dir;

	private static BatchFiles.DemoUpscale demo;

	@BeforeAll
	static void model() {
		demo = new BatchFiles.DemoUpscale(shared, RunOptions.defaults());
	}

	@AfterAll
	static void close() {
		demo.close();
	}

	@Test
	void processesGoodFilesAndRecordsEachBadOneWithItsReason() throws IOException {
		// setup
		final Path in = Files.createDirectory(dir.resolve("in")), out = dir.resolve("out");
		BatchFiles.grayPng(in.resolve("a-gray.png"), 21, 13, 1);
		BatchFiles.shortTiff(in.resolve("b-short.TIF"), 12, 10);
		BatchFiles.rgbPng(in.resolve("c-rgb.png"), 16, 9, 2);
		Files.write(in.resolve("d-notes.png"), "not an image\n".getBytes("US-ASCII"));
		BatchFiles.truncatedPng(in.resolve("e-half.png"));
		Files.write(in.resolve("f-double.tif"), TiffBytes.classic(ByteOrder.LITTLE_ENDIAN).grey(8, 8, 64, 3));
		Files.write(in.resolve("readme.txt"), "ignored by the pattern".getBytes("US-ASCII"));
		final Map<String, String> before = BatchFiles.fingerprint(in);
		// process
		final BatchReport report = run(in, out, new BatchRunner(demo.task));
		// test
		assertEquals(List.of("a-gray.tif", "b-short.tif", "c-rgb.tif"), BatchFiles.names(out));
		assertSize(out.resolve("a-gray.tif"), 42, 26, 8);
		assertSize(out.resolve("b-short.tif"), 24, 20, 16);
		assertSize(out.resolve("c-rgb.tif"), 32, 18, 24);
		assertEquals(List.of("d-notes.png", "e-half.png", "f-double.tif"), report.failed().stream().map(f -> f.input().getFileName().toString()).collect(Collectors.toList()));
		assertTrue(report.failed().get(0).reason().contains("is not a PNG, TIFF or JPEG file"), report.failed().get(0).reason());
		assertTrue(report.failed().get(1).reason().startsWith("Cannot read " + in.resolve("e-half.png")), report.failed().get(1).reason());
		assertTrue(report.failed().get(2).reason().contains("64-bit float/complex TIFF"), report.failed().get(2).reason());
		assertTrue(report.failed().stream().allMatch(BatchReport.Failure::isBadInput));
		assertEquals("Batch finished: 3 done, 0 skipped (already finished), 3 failed", report.lines().get(0));
		assertEquals(before, BatchFiles.fingerprint(in));
	}

	@Test
	void rerunSkipsFinishedFilesAndCleansStaleTemporaries() throws IOException {
		// setup: a first run, then what a kill leaves: one output missing and temporary files
		final Path in = Files.createDirectory(dir.resolve("in")), out = dir.resolve("out");
		for (int i = 0; i < 3; i++) BatchFiles.grayPng(in.resolve("p" + i + ".png"), 10 + i, 8, i);
		run(in, out, new BatchRunner(demo.task));
		final Object p2 = pixels(out.resolve("p2.tif"));
		Files.delete(out.resolve("p2.tif"));
		Files.write(out.resolve(".p2.tif.8120938475.part.tif"), new byte[] { 'I', 'I', 42, 0 });
		Files.write(out.resolve(".p0.tif.77.part.tif"), new byte[10]);
		final Map<String, String> finished = BatchFiles.fingerprint(out);
		finished.keySet().removeIf(name -> name.startsWith("."));
		// process
		final BatchReport report = run(in, out, new BatchRunner(demo.task));
		// test
		assertEquals(List.of(in.resolve("p0.png"), in.resolve("p1.png")), report.skipped());
		assertEquals(List.of(out.resolve("p2.tif")), report.done());
		assertEquals(2, report.staleRemoved());
		assertEquals(List.of("p0.tif", "p1.tif", "p2.tif"), BatchFiles.names(out));
		final Map<String, String> after = BatchFiles.fingerprint(out);
		after.remove("p2.tif");
		assertEquals(finished, after);
		// NB: pixels, not bytes: the TIFF's info records the run's time.
		assertArrayEquals((byte[]) p2, (byte[]) pixels(out.resolve("p2.tif")), "the redone file equals the first run's");
		assertTrue(report.lines().get(0).contains("1 done, 2 skipped (already finished), 0 failed; removed 2 temporary files"), report.lines().get(0));
	}

	@Test
	void patternIsCaseInsensitiveSortedAndSkipsHiddenFiles() throws IOException {
		final Path in = Files.createDirectory(dir.resolve("in"));
		for (final String name : new String[] { "B.PNG", "a.png", ".hidden.png", "c.Jpeg", "d.gif" }) Files.write(in.resolve(name), new byte[1]);
		final BatchJob job = BatchJob.of(in, dir.resolve("out"), BatchJob.DEFAULT_PATTERN, OutputFormat.PNG);
		assertEquals(List.of("B.PNG", "a.png", "c.Jpeg"), job.inputs().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
		assertEquals(dir.resolve("out").resolve("c.png"), job.output(in.resolve("c.Jpeg")));
	}

	@Test
	void refusesTheInputFolderAsOutputAlsoThroughARelativePathOrSymlink() throws IOException {
		final Path in = Files.createDirectory(dir.resolve("in"));
		BatchFiles.grayPng(in.resolve("a.png"), 8, 8, 1);
		final Path link = Files.createSymbolicLink(dir.resolve("link"), in);
		for (final Path output : new Path[] { in, in.resolve("..").resolve("in"), link, Paths.get("").toAbsolutePath().relativize(in) }) {
			final InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> BatchJob.of(in, output, "*.png", OutputFormat.TIFF));
			assertTrue(e.getMessage().contains("is the input folder: choose another output folder"), e.getMessage());
		}
		assertEquals(List.of("a.png"), BatchFiles.names(in));
	}

	@Test
	void refusesAnOutputFolderItCannotWriteEvenAsRoot() throws IOException {
		// NB: root ignores permission bits, so the unwritable places are a path under a regular file
		// (mkdir fails) and /proc (no files can be made there, whoever asks).
		final Path in = Files.createDirectory(dir.resolve("in"));
		BatchFiles.grayPng(in.resolve("a.png"), 8, 8, 1);
		final Path file = Files.write(dir.resolve("plain-file"), new byte[1]);
		final InvalidOptionsException underFile = assertThrows(InvalidOptionsException.class, () -> BatchJob.of(in, file.resolve("out"), "*.png", OutputFormat.TIFF));
		assertTrue(underFile.getMessage().startsWith("Cannot create the output folder " + file.resolve("out")), underFile.getMessage());
		final InvalidOptionsException isFile = assertThrows(InvalidOptionsException.class, () -> BatchJob.of(in, file, "*.png", OutputFormat.TIFF));
		assertTrue(isFile.getMessage().contains("is a file: give a folder"), isFile.getMessage());
		assumeTrue(Files.isDirectory(Paths.get("/proc/self")), "needs Linux /proc");
		final InvalidOptionsException proc = assertThrows(InvalidOptionsException.class, () -> BatchJob.of(in, Paths.get("/proc/self"), "*.png", OutputFormat.TIFF));
		assertTrue(proc.getMessage().contains("is not writable"), proc.getMessage());
	}

	@Test
	void refusesMissingInputNoMatchAndTwoInputsForOneOutput() throws IOException {
		final Path in = Files.createDirectory(dir.resolve("in"));
		assertTrue(assertThrows(InvalidOptionsException.class, () -> BatchJob.of(dir.resolve("nope"), dir.resolve("out"), "*", OutputFormat.TIFF)).getMessage().startsWith("Input folder not found"));
		assertTrue(assertThrows(InvalidOptionsException.class, () -> BatchJob.of(in, dir.resolve("out"), "*.png", OutputFormat.TIFF)).getMessage().startsWith("No file in " + in + " matches the pattern *.png"));
		BatchFiles.grayPng(in.resolve("x.png"), 8, 8, 1);
		BatchFiles.shortTiff(in.resolve("x.tif"), 8, 8);
		assertTrue(assertThrows(InvalidOptionsException.class, () -> BatchJob.of(in, dir.resolve("out"), BatchJob.DEFAULT_PATTERN, OutputFormat.TIFF)).getMessage().contains("would both be written to x.tif"));
		assertFalse(Files.exists(dir.resolve("out")), "refused before the output folder was made");
	}

	@Test
	void aFullDiskStopsAtOnceAndKeepsFinishedFiles() throws IOException {
		assumeTrue(Files.exists(Paths.get("/dev/full")), "needs Linux /dev/full");
		// setup: two outputs from an earlier run, three new inputs
		final Path in = Files.createDirectory(dir.resolve("in")), out = dir.resolve("out");
		for (int i = 0; i < 2; i++) BatchFiles.grayPng(in.resolve("p" + i + ".png"), 10, 8, i);
		run(in, out, new BatchRunner(demo.task));
		for (int i = 2; i < 5; i++) BatchFiles.grayPng(in.resolve("p" + i + ".png"), 10, 8, i);
		final Map<String, String> inputs = BatchFiles.fingerprint(in), earlier = BatchFiles.fingerprint(out);
		final AtomicInteger writes = new AtomicInteger();
		final ImageWriter fillsTheDisk = (image, output, format) -> {
			if (writes.getAndIncrement() == 0) ImageFiles.write(image, output, format);
			else try (OutputStream full = new FileOutputStream("/dev/full")) {
				full.write(new byte[4096]);
			}
		};
		// process
		final OutputException e = assertThrows(OutputException.class, () -> run(in, out, new BatchRunner(demo.task, fillsTheDisk)));
		// test
		assertTrue(e.getMessage().startsWith("The output disk is full (writing " + out.resolve("p3.tif") + "): free space and run the same command again; 3 finished files are kept"), e.getMessage());
		assertEquals("output", e.anchor());
		assertEquals(2, writes.get(), "stopped at the first failed write");
		assertEquals(List.of("p0.tif", "p1.tif", "p2.tif"), BatchFiles.names(out));
		final Map<String, String> now = BatchFiles.fingerprint(out);
		now.remove("p2.tif");
		assertEquals(earlier, now);
		assertEquals(inputs, BatchFiles.fingerprint(in));
	}

	@Test
	void cancelStopsAfterTheCurrentTileAndKeepsFinishedFiles() throws IOException {
		// setup: 40×30 images in 16-pixel tiles, so 6 tiles per file; cancel after the second file's first tile
		final Path in = Files.createDirectory(dir.resolve("in")), out = dir.resolve("out");
		for (int i = 0; i < 3; i++) BatchFiles.grayPng(in.resolve("p" + i + ".png"), 40, 30, i);
		final List<String> events = new ArrayList<>();
		final BatchMonitor cancelsInTheSecondFile = new BatchMonitor() {
			int file, tiles;
			@Override public void progress(final int done, final int total, final double secondsLeft) { events.add("tile " + done + "/" + total); }
			@Override public boolean isCancelled() { return file == 2 && events.get(events.size() - 1).startsWith("tile"); }
			@Override public void started(final int i, final int n, final Path input) { file = i; events.add("start " + i + "/" + n); }
			@Override public void done(final int i, final int n, final Path input, final Path output, final double s, final double left) { events.add("done " + i + "/" + n); }
		};
		// process
		final BatchReport report;
		try (BatchFiles.DemoUpscale small = new BatchFiles.DemoUpscale(shared, RunOptions.defaults().withTiles(TileOptions.defaults().withTileSize(16).withOverlap(4)))) {
			report = new BatchRunner(small.task).run(BatchJob.of(in, out, "*.png", OutputFormat.TIFF), cancelsInTheSecondFile);
		}
		// test
		assertTrue(report.cancelled());
		assertEquals(List.of("start 1/3", "tile 1/6", "tile 2/6", "tile 3/6", "tile 4/6", "tile 5/6", "tile 6/6", "done 1/3", "start 2/3", "tile 1/6"), events);
		assertEquals(List.of("p0.tif"), BatchFiles.names(out));
		assertTrue(report.lines().get(0).startsWith("Batch cancelled: 1 done"), report.lines().get(0));
	}

	@Test
	void aFormatThatCannotHoldTheImageFailsOnlyThatFile() throws IOException {
		final Path in = Files.createDirectory(dir.resolve("in")), out = dir.resolve("out");
		BatchFiles.grayPng(in.resolve("a.png"), 8, 8, 1);
		BatchFiles.shortTiff(in.resolve("b.tif"), 8, 8);
		final BatchReport report = new BatchRunner(demo.task).run(BatchJob.of(in, out, "*", OutputFormat.JPEG), BatchMonitor.NONE);
		assertEquals(List.of(out.resolve("a.jpg")), report.done());
		assertEquals(1, report.failed().size());
		assertTrue(report.failed().get(0).reason().contains("JPEG holds 8-bit and RGB only"), report.failed().get(0).reason());
	}

	private static BatchReport run(final Path in, final Path out, final BatchRunner runner) {
		return runner.run(BatchJob.of(in, out, BatchJob.DEFAULT_PATTERN, OutputFormat.TIFF), BatchMonitor.NONE);
	}

	private static Object pixels(final Path file) {
		return new Opener().openImage(file.toString()).getProcessor().getPixels();
	}

	private static void assertSize(final Path file, final int width, final int height, final int bitDepth) {
		final ImagePlus image = new Opener().openImage(file.toString());
		assertEquals(width, image.getWidth(), file.toString());
		assertEquals(height, image.getHeight(), file.toString());
		assertEquals(bitDepth, image.getBitDepth(), file.toString());
	}
}
