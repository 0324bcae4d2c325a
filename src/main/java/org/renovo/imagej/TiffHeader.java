package org.renovo.imagej;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample layout of a TIFF's first image (IFD): bits per sample and sample format, read from the
 * tags themselves, for classic TIFF and BigTIFF in either byte order. NB: ImageJ opens a 64-bit float
 * TIFF by converting it to 32-bit and misreads complex samples, without saying so; this lets Renovo
 * refuse those files instead. Reads a few hundred bytes; never the pixels.
 */
final class TiffHeader {

	static final int BITS_PER_SAMPLE = 258, SAMPLE_FORMAT = 339;
	static final int FORMAT_UINT = 1, FORMAT_COMPLEX_INT = 5, FORMAT_COMPLEX_FLOAT = 6;
	private static final int MAX_ENTRIES = 4096;

	final int bitsPerSample;
	final int sampleFormat;

	private TiffHeader(final int bitsPerSample, final int sampleFormat) {
		this.bitsPerSample = bitsPerSample;
		this.sampleFormat = sampleFormat;
	}

	/** True for 64-bit samples or a complex sample format, which Renovo does not read. */
	boolean unsupported() {
		return bitsPerSample > 32 || sampleFormat == FORMAT_COMPLEX_INT || sampleFormat == FORMAT_COMPLEX_FLOAT;
	}

	/** @throws IOException when the file is not a TIFF or its first IFD lies outside the file */
	static TiffHeader read(final Path file) throws IOException {
		try (SeekableByteChannel in = Files.newByteChannel(file)) {
			final ByteBuffer head = bytes(in, 0, 16);
			head.order(order(head.getShort(0)));
			final int magic = head.getShort(2) & 0xffff;
			if (magic == 42) return entries(in, head.order(), head.getInt(4) & 0xffffffffL, false);
			if (magic == 43) return entries(in, head.order(), head.getLong(8), true);
			throw new IOException("not a TIFF: magic number " + magic + ", expected 42 or 43 (BigTIFF)");
		}
	}

	private static ByteOrder order(final short mark) throws IOException {
		if (mark == 0x4949) return ByteOrder.LITTLE_ENDIAN;
		if (mark == 0x4d4d) return ByteOrder.BIG_ENDIAN;
		throw new IOException("not a TIFF: the file does not start with II or MM");
	}

	private static TiffHeader entries(final SeekableByteChannel in, final ByteOrder order, final long ifd, final boolean big) throws IOException {
		final int countSize = big ? 8 : 2, entrySize = big ? 20 : 12;
		final ByteBuffer count = bytes(in, ifd, countSize).order(order);
		final long n = big ? count.getLong(0) : count.getShort(0) & 0xffff;
		if (n < 0 || n > MAX_ENTRIES) throw new IOException("damaged TIFF: " + n + " tags in the first IFD");
		final ByteBuffer tags = bytes(in, ifd + countSize, (int) n * entrySize).order(order);
		int bits = 1, format = FORMAT_UINT;
		for (int i = 0; i < n; i++) {
			final int at = i * entrySize, tag = tags.getShort(at) & 0xffff;
			if (tag == BITS_PER_SAMPLE) bits = firstValue(in, tags, at, big);
			else if (tag == SAMPLE_FORMAT) format = firstValue(in, tags, at, big);
		}
		return new TiffHeader(bits, format);
	}

	/** The first value of a SHORT or LONG entry: inline when all values fit the value field, else at its offset. */
	private static int firstValue(final SeekableByteChannel in, final ByteBuffer tags, final int at, final boolean big) throws IOException {
		final int type = tags.getShort(at + 2) & 0xffff, size = type == 3 ? 2 : 4;
		final long count = big ? tags.getLong(at + 4) : tags.getInt(at + 4) & 0xffffffffL;
		final int field = at + (big ? 12 : 8);
		final boolean inline = count * size <= (big ? 8 : 4);
		final ByteBuffer value = inline ? tags : bytes(in, big ? tags.getLong(field) : tags.getInt(field) & 0xffffffffL, size).order(tags.order());
		final int pos = inline ? field : 0;
		return size == 2 ? value.getShort(pos) & 0xffff : value.getInt(pos);
	}

	private static ByteBuffer bytes(final SeekableByteChannel in, final long offset, final int length) throws IOException {
		if (offset < 0 || offset + length > in.size()) throw new IOException("damaged TIFF: offset " + offset + " lies outside the file of " + in.size() + " bytes");
		final ByteBuffer b = ByteBuffer.allocate(length);
		in.position(offset);
		while (b.hasRemaining())
			if (in.read(b) < 0) throw new IOException("damaged TIFF: ends at " + in.position());
		return b;
	}
}
