package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.testing.TinyModels;

/**
 * Upscaling a 4096x4096 RGB image 4x in memory (a 16384x16384 result, 1 GiB as ImageJ's RGB pixels)
 * peaks at no more than the output image plus 512 MB of heap: the result's pixels are written band by
 * band as tiles finish, with no whole-plane float blend (three such planes alone would take 3 GiB). Run
 * in a child JVM whose heap is exactly that bound; peak heap read from its GC log and printed.
 */
@Tag("slow")
class InMemoryPeakTest {

	static final int SIDE = 4096, SCALE = 4, OUTPUT_MB = SIDE * SCALE * SIDE * SCALE * 4 >> 20, HEAP_MB = OUTPUT_MB + 512;

	@TempDir Path dir;

	@Test
	void fourTimesFourKayRgbFitsTheOutputPlusHalfAGigabyte() throws Exception {
		final ColorProcessor cp = new ColorProcessor(SIDE, SIDE);
		final int[] px = (int[]) cp.getPixels();
		for (int i = 0; i < px.length; i++)
			px[i] = (i % SIDE * 7 & 0xff) << 16 | (i / SIDE * 13 & 0xff) << 8 | (i * 31 & 0xff);
		final Path input = CliRun.saveTiff(new ImagePlus("in", cp), dir.resolve("in.tif")), output = dir.resolve("out.tif"), gc = dir.resolve("gc.log");
		final List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP_MB + "m",
			"-Xlog:gc:file=" + gc, "-Djava.awt.headless=true", "-Drenovo.models=" + dir.resolve("models"), "-Drenovo.cache=" + dir.resolve("cache"),
			"-cp", System.getProperty("java.class.path"), "org.renovo.cli.Main", "upscale", "--model", TinyModels.nearestOnly(SCALE).toAbsolutePath().toString(),
			"--input", input.toString(), "--output", output.toString(), "--bigtiff", "no", "--device", "cpu"));
		final long start = System.nanoTime();
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), log);
		assertEquals(0, p.exitValue(), log);
		final int peak = BigTiffMemoryTest.peakHeapMb(gc);
		System.out.printf("in-memory upscale %dx%d RGB x%d: peak heap %d MB (output %d MB + 512 MB = %d MB allowed), %.1f s%n", SIDE, SIDE, SCALE, peak, OUTPUT_MB, HEAP_MB,
			(System.nanoTime() - start) / 1e9);
		assertTrue(peak <= HEAP_MB, "peak " + peak + " MB");
		final ImagePlus out = new Opener().openImage(output.toString());
		assertEquals(SIDE * SCALE, out.getWidth());
		for (final int[] xy : new int[][] { { 0, 0 }, { 16383, 16383 }, { 12345, 6789 } })
			assertEquals(px[xy[1] / SCALE * SIDE + xy[0] / SCALE] & 0xffffff, out.getProcessor().get(xy[0], xy[1]) & 0xffffff, "pixel " + xy[0] + "," + xy[1]);
		Files.delete(output);
	}
}
