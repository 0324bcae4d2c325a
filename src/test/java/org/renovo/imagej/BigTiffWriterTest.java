package org.renovo.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renovo.error.UnsupportedImageException;
import org.renovo.imagej.BigTiffWriter.Compression;
import org.renovo.imagej.BigTiffWriter.Layout;
import org.renovo.testing.BigTiffs;

class BigTiffWriterTest {

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GRAY8,NONE", "GRAY8,DEFLATE", "GRAY16,NONE", "GRAY16,DEFLATE", "GRAY32_FLOAT,NONE", "RGB8,NONE", "RGB8,DEFLATE" })
	void independentReaderReadsBackEverySample(final Layout layout, final Compression compression) throws IOException {
		// setup: sizes that are not multiples of the tile, two planes, bands of 512 rows then the rest
		final int w = 300, h = 700;
		final byte[][] planes = { random(w * h * layout.pixelBytes(), 1, layout), random(w * h * layout.pixelBytes(), 2, layout) };
		final Path file = dir.resolve("out.tif");
		// process
		try (BigTiffWriter writer = new BigTiffWriter(file, w, h, 2, layout, compression, "ImageJ=1.54p\nimages=2\n")) {
			for (final byte[] plane : planes) {
				final int rowBytes = w * layout.pixelBytes();
				writer.write(0, java.util.Arrays.copyOfRange(plane, 0, 512 * rowBytes));
				writer.write(512, java.util.Arrays.copyOfRange(plane, 512 * rowBytes, plane.length));
			}
			writer.finish();
		}
		// test
		assertEquals(2, BigTiffs.planes(file));
		for (int p = 0; p < 2; p++) {
			final Raster r = BigTiffs.read(file, p);
			assertEquals(layout.samples, r.getNumBands());
			final ByteBuffer expected = ByteBuffer.wrap(planes[p]).order(ByteOrder.LITTLE_ENDIAN);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					for (int b = 0; b < layout.samples; b++)
						assertEquals(sample(expected, layout, (y * w + x) * layout.samples + b), r.getSampleDouble(x, y, b), 0, "plane " + p + " at " + x + "," + y + " band " + b);
		}
	}

	@Test
	void headerIsBigTiffWithLong8TileTables() throws IOException {
		final Path file = gray8(dir.resolve("b.tif"), 600, 300);
		final Map<Integer, Integer> types = BigTiffs.firstIfdTypes(file);
		assertEquals(43, types.get(-1), "BigTIFF magic");
		assertEquals(8, types.get(-2), "8-byte offsets");
		assertEquals(16, types.get(324), "TileOffsets as LONG8");
		assertEquals(16, types.get(325), "TileByteCounts as LONG8");
	}

	@Test
	void libtiffReadsIt() throws Exception {
		final Path tiffinfo = Paths.get("/usr/bin/tiffinfo");
		assumeTrue(Files.isExecutable(tiffinfo), "libtiff-tools not installed (apt-get install libtiff-tools)");
		final Path file = gray8(dir.resolve("c.tif"), 600, 300);
		final Process p = new ProcessBuilder(tiffinfo.toString(), "-D", file.toString()).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.contains("Tile Width: 256 Tile Length: 256") && out.contains("Image Width: 600 Image Length: 300"), out);
		assertTrue(!out.contains("Error") && !out.contains("Warning"), out);
	}

	@Test
	void imageJCannotOpenBigTiff() throws IOException {
		// NB: documents why the README sends users to Bio-Formats for these files; if ImageJ learns BigTIFF, update it.
		final Path file = gray8(dir.resolve("d.tif"), 40, 30);
		assertThrows(UnsupportedImageException.class, () -> ImageFiles.read(file));
	}

	@Test
	void bandsOutOfOrderAndUnfinishedImagesAreRefused() throws IOException {
		try (BigTiffWriter writer = new BigTiffWriter(dir.resolve("e.tif"), 10, 600, 1, Layout.GRAY8, Compression.NONE, null)) {
			assertThrows(IllegalArgumentException.class, () -> writer.write(256, new byte[10 * 256]));
			assertThrows(IllegalArgumentException.class, () -> writer.write(0, new byte[10 * 100]));
			writer.write(0, new byte[10 * 256]);
			assertThrows(IllegalStateException.class, writer::finish);
		}
	}

	// -- Helper methods --

	private static Path gray8(final Path file, final int w, final int h) throws IOException {
		try (BigTiffWriter writer = new BigTiffWriter(file, w, h, 1, Layout.GRAY8, Compression.NONE, null)) {
			writer.write(0, random(w * h, 3, Layout.GRAY8));
			writer.finish();
		}
		return file;
	}

	private static byte[] random(final int n, final long seed, final Layout layout) {
		final byte[] b = new byte[n];
		new Random(seed).nextBytes(b);
		if (layout == Layout.GRAY32_FLOAT) {
			final ByteBuffer f = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
			final Random r = new Random(seed);
			for (int i = 0; i < n / 4; i++)
				f.putFloat(4 * i, (float) r.nextGaussian() * 1000);
		}
		return b;
	}

	private static double sample(final ByteBuffer b, final Layout layout, final int index) {
		switch (layout) {
			case GRAY16: return b.getShort(2 * index) & 0xffff;
			case GRAY32_FLOAT: return b.getFloat(4 * index);
			default: return b.get(index) & 0xff;
		}
	}
}
