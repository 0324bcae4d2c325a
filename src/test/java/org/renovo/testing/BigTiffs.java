package org.renovo.testing;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.FileImageInputStream;

import com.twelvemonkeys.imageio.plugins.tiff.BigTIFFImageReaderSpi;

/**
 * Reads the BigTIFFs Renovo streams with an independent reader, TwelveMonkeys' {@code TIFFImageReader}
 * (the JDK's own TIFF reader does not read BigTIFF, ImageJ 1.54p's neither), and the raw IFD entries
 * of a file's first directory, to check their types.
 */
public final class BigTiffs {

	private BigTiffs() {}

	/**
	 * The samples of plane {@code plane}. NB: whole planes, because TwelveMonkeys 3.14.0's source regions
	 * fail on regions that end in a partial edge tile ("Coordinate out of bounds" in
	 * {@code TIFFImageReader.readStripTileData}), while libtiff's {@code tiffinfo -D} reads the same file cleanly.
	 */
	public static Raster read(final Path file, final int plane) throws IOException {
		final ImageReader reader = new BigTIFFImageReaderSpi().createReaderInstance();
		try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
			reader.setInput(in);
			return reader.readRaster(plane, null);
		}
		finally {
			reader.dispose();
		}
	}

	/** Number of planes (IFDs). */
	public static int planes(final Path file) throws IOException {
		final ImageReader reader = new BigTIFFImageReaderSpi().createReaderInstance();
		try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
			reader.setInput(in);
			return reader.getNumImages(true);
		}
		finally {
			reader.dispose();
		}
	}

	/** The magic number (42 TIFF, 43 BigTIFF) and, per tag of the first IFD, its field type. */
	public static Map<Integer, Integer> firstIfdTypes(final Path file) throws IOException {
		try (FileChannel c = FileChannel.open(file)) {
			final ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
			c.read(head, 0);
			final Map<Integer, Integer> types = new HashMap<>();
			types.put(-1, (int) head.getShort(2));
			types.put(-2, (int) head.getShort(4));
			final long ifd = head.getLong(8);
			final ByteBuffer count = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
			c.read(count, ifd);
			final int n = (int) count.getLong(0);
			final ByteBuffer entries = ByteBuffer.allocate(20 * n).order(ByteOrder.LITTLE_ENDIAN);
			c.read(entries, ifd + 8);
			for (int i = 0; i < n; i++)
				types.put(entries.getShort(20 * i) & 0xffff, (int) entries.getShort(20 * i + 2));
			return types;
		}
	}
}
