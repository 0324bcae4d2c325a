package org.renovo.imagej;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes a tiled BigTIFF (64-bit offsets, so files past 4 GB) band by band, without the image in memory:
 * little-endian, tiles of {@value #TILE}×{@value #TILE} pixels (edge tiles padded with zeros, as TIFF
 * requires), chunky samples, uncompressed or deflate (zlib), one IFD per plane with TileOffsets and
 * TileByteCounts as LONG8. Tile data goes to the file as bands arrive; the IFDs, whose offset tables
 * are the only thing kept in memory (16 bytes per tile), follow at the end, and {@link #finish()} points
 * the header at the first. A file that was not finished has a header pointing nowhere, so readers refuse
 * it; callers write to a temporary name and rename ({@link ImageFiles#writeVia}).
 * <p>
 * NB: written by hand because no reachable library streams tiles. TwelveMonkeys imageio-tiff 3.14.0 (on
 * Maven Central) writes BigTIFF, but its {@code TIFFImageWriter.writePage} writes every page as one strip
 * ({@code RowsPerStrip} = image height, with "TODO: If tiled, write tile indexes etc") pulled from a
 * {@code RenderedImage}, and does not implement {@code prepareWriteEmpty}/{@code replacePixels}; ImageJ's
 * {@code TiffEncoder} writes classic TIFF from whole planes. Tests read these files back with TwelveMonkeys'
 * reader and libtiff's {@code tiffinfo}.
 * <p>
 * Bands come in order: plane 0 from row 0 down, then plane 1, and so on; each band's height is a
 * multiple of {@value #TILE} except the last of its plane. Not thread-safe.
 */
public final class BigTiffWriter implements AutoCloseable {

	/** Tile width and height in pixels. */
	public static final int TILE = 256;

	/** TIFF compression codes. */
	public enum Compression {
		NONE(1), DEFLATE(8);

		final int code;

		Compression(final int code) {
			this.code = code;
		}
	}

	/** What a pixel is: samples per pixel, bytes per sample, and whether samples are floats. */
	public enum Layout {
		GRAY8(1, 1), GRAY16(1, 2), GRAY32_FLOAT(1, 4), RGB8(3, 1);

		final int samples, bytes;

		Layout(final int samples, final int bytes) {
			this.samples = samples;
			this.bytes = bytes;
		}

		/** Bytes per pixel in a band handed to {@link BigTiffWriter#write}. */
		public int pixelBytes() { return samples * bytes; }
	}

	private static final int SHORT = 3, LONG = 4, ASCII = 2, LONG8 = 16;
	private static final int HEADER = 16;

	private final FileChannel file;
	private final int width, height, planes;
	private final Layout layout;
	private final Compression compression;
	private final String description;
	private final int tilesAcross, tilesDown;
	private final long[][] offsets, byteCounts;
	private final byte[] tile;
	private final Deflater deflater;
	private long position = HEADER;
	private int plane, row;

	/**
	 * Creates (or truncates) {@code path} and writes the header.
	 *
	 * @param description the first IFD's ImageDescription (e.g. ImageJ's hyperstack header), or null
	 * @throws IOException when the file cannot be created
	 */
	public BigTiffWriter(final Path path, final int width, final int height, final int planes, final Layout layout, final Compression compression,
		final String description) throws IOException
	{
		if (width < 1 || height < 1 || planes < 1) throw new IllegalArgumentException("Image must have a positive size, got " + width + "x" + height + "x" + planes);
		this.width = width;
		this.height = height;
		this.planes = planes;
		this.layout = layout;
		this.compression = compression;
		this.description = description;
		this.tilesAcross = (width + TILE - 1) / TILE;
		this.tilesDown = (height + TILE - 1) / TILE;
		this.offsets = new long[planes][tilesAcross * tilesDown];
		this.byteCounts = new long[planes][tilesAcross * tilesDown];
		this.tile = new byte[TILE * TILE * layout.pixelBytes()];
		this.deflater = compression == Compression.DEFLATE ? new Deflater(Deflater.BEST_SPEED) : null;
		this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
		// NB: first IFD offset 0 until finish(): an unfinished file is visibly incomplete.
		write(buffer(HEADER).put((byte) 'I').put((byte) 'I').putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(0), 0);
	}

	/**
	 * Writes rows {@code y ..} of the current plane: {@code pixels} holds whole rows, row-major, samples
	 * interleaved, multi-byte samples little-endian.
	 *
	 * @throws IllegalArgumentException when the band is out of order or not a multiple of the tile height
	 * @throws IOException when the disk refuses the data (full disk: the message says "No space left on device")
	 */
	public void write(final int y, final byte[] pixels) throws IOException {
		final long rowBytes = (long) width * layout.pixelBytes();
		if (pixels.length % rowBytes != 0) throw new IllegalArgumentException("A band of " + pixels.length + " bytes is not whole rows of " + rowBytes + " bytes");
		final int rows = (int) (pixels.length / rowBytes);
		if (plane >= planes || y != row || y % TILE != 0 || rows % TILE != 0 && y + rows != height || y + rows > height)
			throw new IllegalArgumentException("Band of rows " + y + ".." + (y + rows - 1) + " of plane " + plane + " is out of order: expected row " + row + " and a multiple of " + TILE + " rows, or the plane's last rows");
		for (int ty = y / TILE; ty * TILE < y + rows; ty++)
			for (int tx = 0; tx < tilesAcross; tx++)
				writeTile(ty, tx, pixels, y, (int) rowBytes);
		row = y + rows;
		if (row == height) {
			plane++;
			row = 0;
		}
	}

	/**
	 * Writes the IFDs and points the header at them.
	 *
	 * @throws IllegalStateException when some rows were never written
	 */
	public void finish() throws IOException {
		if (plane != planes) throw new IllegalStateException("Only " + plane + " of " + planes + " planes were written (next row " + row + "): the image is incomplete.");
		final long first = position;
		for (int p = 0; p < planes; p++)
			writeIfd(p, p + 1 < planes);
		write(buffer(8).putLong(first), 8);
		file.force(false);
	}

	@Override
	public void close() throws IOException {
		if (deflater != null) deflater.end();
		file.close();
	}

	// -- Helper methods --

	private void writeTile(final int ty, final int tx, final byte[] pixels, final int bandY, final int rowBytes) throws IOException {
		final int pb = layout.pixelBytes(), x0 = tx * TILE, w = Math.min(TILE, width - x0), h = Math.min(TILE, height - ty * TILE);
		if (w < TILE || h < TILE) Arrays.fill(tile, (byte) 0);
		for (int r = 0; r < h; r++)
			System.arraycopy(pixels, (ty * TILE + r - bandY) * rowBytes + x0 * pb, tile, r * TILE * pb, w * pb);
		final ByteBuffer data = compression == Compression.NONE ? ByteBuffer.wrap(tile) : deflated();
		final int index = ty * tilesAcross + tx;
		offsets[plane][index] = position;
		byteCounts[plane][index] = data.remaining();
		position += data.remaining();
		long p = offsets[plane][index];
		while (data.hasRemaining())
			p += file.write(data, p);
	}

	private ByteBuffer deflated() {
		deflater.reset();
		deflater.setInput(tile);
		deflater.finish();
		final ByteArrayOutputStream out = new ByteArrayOutputStream(tile.length / 2);
		final byte[] chunk = new byte[1 << 16];
		while (!deflater.finished())
			out.write(chunk, 0, deflater.deflate(chunk));
		return ByteBuffer.wrap(out.toByteArray());
	}

	private void writeIfd(final int p, final boolean more) throws IOException {
		final boolean text = p == 0 && description != null;
		final int entries = text ? 13 : 12;
		// NB: at least 9 bytes, so the text never fits in the entry and always sits after the tables.
		final byte[] ascii = text ? String.format("%-8s\0", description).getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
		final int tiles = offsets[p].length;
		final long ifdSize = 8 + 20L * entries + 8;
		final long offsetsAt = position + ifdSize, countsAt = offsetsAt + 8L * tiles, textAt = countsAt + 8L * tiles;
		final long next = more ? textAt + ascii.length : 0;
		final ByteBuffer b = buffer((int) ifdSize).putLong(entries);
		entry(b, 256, LONG, 1, width);
		entry(b, 257, LONG, 1, height);
		shorts(b, 258, layout.samples, 8 * layout.bytes);
		entry(b, 259, SHORT, 1, compression.code);
		entry(b, 262, SHORT, 1, layout == Layout.RGB8 ? 2 : 1);
		if (text) entry(b, 270, ASCII, ascii.length, textAt);
		entry(b, 277, SHORT, 1, layout.samples);
		entry(b, 284, SHORT, 1, 1);
		entry(b, 322, LONG, 1, TILE);
		entry(b, 323, LONG, 1, TILE);
		entry(b, 324, LONG8, tiles, tiles == 1 ? offsets[p][0] : offsetsAt);
		entry(b, 325, LONG8, tiles, tiles == 1 ? byteCounts[p][0] : countsAt);
		shorts(b, 339, layout.samples, layout == Layout.GRAY32_FLOAT ? 3 : 1);
		b.putLong(next);
		write(b, position);
		writeLongs(offsets[p], offsetsAt);
		writeLongs(byteCounts[p], countsAt);
		if (text) write(buffer(ascii.length).put(ascii), textAt);
		position = textAt + ascii.length;
	}

	/** NB: BigTIFF entries are 20 bytes; a value of up to 8 bytes sits in the entry, left-justified. */
	private static void entry(final ByteBuffer b, final int tag, final int type, final long count, final long value) {
		b.putShort((short) tag).putShort((short) type).putLong(count);
		if (type == SHORT && count == 1) b.putShort((short) value).putShort((short) 0).putInt(0);
		else if (type == LONG && count == 1) b.putInt((int) value).putInt(0);
		else b.putLong(value);
	}

	/** A SHORT entry of {@code count} equal values (at most 4, so they fit in the entry). */
	private static void shorts(final ByteBuffer b, final int tag, final int count, final int value) {
		b.putShort((short) tag).putShort((short) SHORT).putLong(count);
		for (int i = 0; i < 4; i++)
			b.putShort((short) (i < count ? value : 0));
	}

	private void writeLongs(final long[] values, final long at) throws IOException {
		if (values.length == 1) return;
		final ByteBuffer b = buffer(8 * values.length);
		b.asLongBuffer().put(values);
		write(b.position(b.capacity()), at);
	}

	private static ByteBuffer buffer(final int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	/** Writes what was put into {@code filled}, at {@code at}. */
	private void write(final ByteBuffer filled, final long at) throws IOException {
		filled.flip();
		long p = at;
		while (filled.hasRemaining())
			p += file.write(filled, p);
	}
}
