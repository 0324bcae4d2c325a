package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.testing.BigTiffs;
import org.renovo.testing.TinyModels;

/**
 * The point of streaming: {@code renovo upscale --bigtiff yes} makes a 16000x16000 result (256 MB as
 * 8-bit; the in-memory path would also blend it in 1 GB of floats) in a JVM limited to 256 MB, which
 * also holds the 64 MB input. Peak heap is read from the child's GC log (heap in use before each collection).
 */
@Tag("slow")
class BigTiffMemoryTest {

	static final int SIDE = 8000, HEAP_MB = 256;

	@TempDir Path dir;

	@Test
	void resultLargerThanTheHeapStreamsThrough() throws Exception {
		// setup
		final ByteProcessor ip = new ByteProcessor(SIDE, SIDE);
		final byte[] px = (byte[]) ip.getPixels();
		for (int i = 0; i < px.length; i++)
			px[i] = (byte) (i % SIDE * 7 + i / SIDE * 13);
		final Path input = CliRun.saveTiff(new ImagePlus("big", ip), dir.resolve("big.tif")), output = dir.resolve("big-x2.tif"), gc = dir.resolve("gc.log");
		// process
		final List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP_MB + "m",
			"-Xlog:gc:file=" + gc, "-Djava.awt.headless=true", "-Drenovo.models=" + dir.resolve("models"), "-Drenovo.cache=" + dir.resolve("cache"),
			"-cp", System.getProperty("java.class.path"), "org.renovo.cli.Main", "upscale", "--model", TinyModels.nearestGray(2).toAbsolutePath().toString(),
			"--input", input.toString(), "--output", output.toString(), "--bigtiff", "yes", "--tile", "128", "--device", "cpu"));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), log);
		// test
		assertEquals(0, p.exitValue(), log);
		assertTrue(peakHeapMb(gc) < HEAP_MB, "peak heap under the limit");
		final Raster r = BigTiffs.read(output, 0);
		assertEquals(2 * SIDE, r.getWidth());
		for (final int[] xy : new int[][] { { 0, 0 }, { 15999, 15999 }, { 12345, 6789 }, { 255, 256 } })
			assertEquals(px[xy[1] / 2 * SIDE + xy[0] / 2] & 0xff, r.getSample(xy[0], xy[1], 0), "pixel " + xy[0] + "," + xy[1]);
	}

	/** The largest heap in use before a collection, in MB, from a {@code -Xlog:gc} file ("Pause Young ... 180M->20M(256M)"). */
	static int peakHeapMb(final Path gcLog) throws IOException {
		final Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
		int peak = 0;
		while (m.find())
			peak = Math.max(peak, Integer.parseInt(m.group(1)));
		return peak;
	}
}
