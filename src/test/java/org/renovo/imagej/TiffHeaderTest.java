package org.renovo.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.UnsupportedImageException;
import org.renovo.testing.TiffBytes;

/** The first-IFD reader on hand-built TIFFs, and {@link ImageFiles#read} refusing what ImageJ would convert silently. */
class TiffHeaderTest {

	@TempDir
	Path dir;

	@Test
	void readsBitsAndFormatInBothByteOrders() throws IOException {
		for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			final TiffHeader h = TiffHeader.read(file("f64.tif", TiffBytes.classic(order).grey(4, 3, 64, 3)));
			assertEquals(64, h.bitsPerSample, order.toString());
			assertEquals(3, h.sampleFormat, order.toString());
			assertTrue(h.unsupported());
		}
	}

	@Test
	void readsTheFirstIfdOfABigTiff() throws IOException {
		final TiffHeader h = TiffHeader.read(file("big.tif", TiffBytes.bigTiff(ByteOrder.BIG_ENDIAN).grey(4, 3, 16, 1)));
		assertEquals(16, h.bitsPerSample);
		assertEquals(1, h.sampleFormat);
		assertFalse(h.unsupported());
		assertTrue(TiffHeader.read(file("c.tif", TiffBytes.bigTiff(ByteOrder.LITTLE_ENDIAN).grey(2, 2, 64, 6))).unsupported());
	}

	@Test
	void readsValuesStoredOutsideTheEntry() throws IOException {
		// NB: an RGB TIFF stores BitsPerSample 8,8,8 at an offset, not inline.
		final Path rgb = dir.resolve("rgb.tif");
		assertTrue(new FileSaver(new ImagePlus("rgb", new ColorProcessor(5, 4))).saveAsTiff(rgb.toString()));
		final TiffHeader h = TiffHeader.read(rgb);
		assertEquals(8, h.bitsPerSample);
		assertFalse(h.unsupported());
	}

	@Test
	void refusesNonTiffAndDamagedIfdOffsets() throws IOException {
		assertThrows(IOException.class, () -> TiffHeader.read(file("x.tif", "II+\0 not a tiff at all".getBytes("US-ASCII"))));
		final byte[] bytes = TiffBytes.classic(ByteOrder.LITTLE_ENDIAN).grey(4, 3, 8, 1);
		bytes[4] = (byte) 0xff; bytes[5] = (byte) 0xff;
		assertTrue(assertThrows(IOException.class, () -> TiffHeader.read(file("d.tif", bytes))).getMessage().contains("outside the file"));
	}

	@Test
	void imageFilesRefusesFloat64AndComplexWithTheFix() throws IOException {
		for (final byte[] bytes : new byte[][] { TiffBytes.classic(ByteOrder.LITTLE_ENDIAN).grey(4, 3, 64, 3), TiffBytes.classic(ByteOrder.BIG_ENDIAN).grey(4, 3, 64, 6) }) {
			final Path tif = file("odd.tif", bytes);
			final UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> ImageFiles.read(tif));
			assertTrue(e.getMessage().contains("64-bit float/complex TIFF"), e.getMessage());
			assertTrue(e.getMessage().contains("Image > Type > 32-bit"), e.getMessage());
		}
	}

	@Test
	void imageFilesStillReadsAHandBuilt32BitFloatTiff() throws IOException {
		final ImagePlus image = ImageFiles.read(file("f32.tif", TiffBytes.classic(ByteOrder.BIG_ENDIAN).grey(4, 3, 32, 3)));
		assertEquals(32, image.getBitDepth());
		assertEquals(4, image.getWidth());
	}

	private Path file(final String name, final byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}
}
