package org.renovo.imagej;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.renovo.pipeline.BandSink;
import org.renovo.tensor.Quantizer;

/**
 * Bands of a run's output, in the input's pixel type, written straight to a tiled BigTIFF
 * ({@link BigTiffWriter}): converted as {@link ImagePlusResult} converts whole planes (round half up and
 * clamp for 8/16-bit and RGB, floats unchanged), counting clamped values. The first IFD carries ImageJ's
 * hyperstack description (images, channels, slices, frames), which Bio-Formats reads. Holds one band at
 * a time. Not thread-safe.
 */
public final class BigTiffSink implements BandSink, AutoCloseable {

	private final BigTiffWriter writer;
	private final int type;
	private final double maximum;
	private long clipped;

	/**
	 * @param width output width; {@code height} likewise
	 * @throws IOException when the file cannot be created
	 */
	public BigTiffSink(final ImagePlus input, final int width, final int height, final Path file, final BigTiffWriter.Compression compression) throws IOException {
		this.type = input.getType();
		this.maximum = type == ImagePlus.GRAY16 ? 65535 : type == ImagePlus.GRAY32 ? Double.POSITIVE_INFINITY : 255;
		this.writer = new BigTiffWriter(file, width, height, input.getStackSize(), layout(input), compression, description(input));
	}

	@Override
	public int rowMultiple() {
		return BigTiffWriter.TILE;
	}

	/** @throws UncheckedIOException when the disk refuses the band (e.g. "No space left on device") */
	@Override
	public void accept(final int plane, final int y, final float[][] components) {
		for (final float[] c : components)
			clipped += Quantizer.outOfRange(c, maximum);
		try {
			writer.write(y, bytes(components));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes the directories; the file is complete afterwards. */
	public void finish() throws IOException {
		writer.finish();
	}

	/** How many values lay outside the output type's range (or were NaN) and were clamped. */
	public long clippedValues() {
		return clipped;
	}

	@Override
	public void close() throws IOException {
		writer.close();
	}

	// -- Helper methods --

	private byte[] bytes(final float[][] c) {
		switch (type) {
			case ImagePlus.GRAY8: return Quantizer.toUnsigned8(c[0]);
			case ImagePlus.GRAY16: {
				final ByteBuffer b = ByteBuffer.allocate(2 * c[0].length).order(ByteOrder.LITTLE_ENDIAN);
				b.asShortBuffer().put(Quantizer.toUnsigned16(c[0]));
				return b.array();
			}
			case ImagePlus.GRAY32: {
				final ByteBuffer b = ByteBuffer.allocate(4 * c[0].length).order(ByteOrder.LITTLE_ENDIAN);
				b.asFloatBuffer().put(c[0]);
				return b.array();
			}
			default: return interleaved(Quantizer.toUnsigned8(c[0]), Quantizer.toUnsigned8(c[1]), Quantizer.toUnsigned8(c[2]));
		}
	}

	private static byte[] interleaved(final byte[] r, final byte[] g, final byte[] b) {
		final byte[] out = new byte[3 * r.length];
		for (int i = 0; i < r.length; i++) {
			out[3 * i] = r[i];
			out[3 * i + 1] = g[i];
			out[3 * i + 2] = b[i];
		}
		return out;
	}

	private static BigTiffWriter.Layout layout(final ImagePlus input) {
		switch (input.getType()) {
			case ImagePlus.GRAY8: return BigTiffWriter.Layout.GRAY8;
			case ImagePlus.GRAY16: return BigTiffWriter.Layout.GRAY16;
			case ImagePlus.GRAY32: return BigTiffWriter.Layout.GRAY32_FLOAT;
			default: return BigTiffWriter.Layout.RGB8;
		}
	}

	/** NB: ImageJ's own header keys, so Bio-Formats restores the hyperstack order and display range. */
	private static String description(final ImagePlus input) {
		final StringBuilder s = new StringBuilder("ImageJ=").append(IJ.getVersion()).append('\n');
		s.append("images=").append(input.getStackSize()).append('\n');
		if (input.getNChannels() > 1) s.append("channels=").append(input.getNChannels()).append('\n');
		if (input.getNSlices() > 1) s.append("slices=").append(input.getNSlices()).append('\n');
		if (input.getNFrames() > 1) s.append("frames=").append(input.getNFrames()).append('\n');
		if (input.isHyperStack()) s.append("hyperstack=true\n");
		if (input.getType() == ImagePlus.GRAY16 || input.getType() == ImagePlus.GRAY32)
			s.append("min=").append(input.getDisplayRangeMin()).append("\nmax=").append(input.getDisplayRangeMax()).append('\n');
		return s.toString();
	}
}
