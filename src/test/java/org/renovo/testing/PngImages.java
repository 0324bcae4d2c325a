package org.renovo.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

import org.renovo.pipeline.ImageData;
import org.renovo.tensor.PixelType;
import org.renovo.tensor.ValueMapping;

/** 8-bit RGB PNGs as {@link ImageData} and as planar bytes, and float32 {@code .npy} arrays, for the fidelity tests. */
public final class PngImages {

	private PngImages() {}

	/** Red, green and blue planes, row-major, values 0 to 255. */
	public static int[][] planes(final Path png) throws IOException {
		final BufferedImage img = ImageIO.read(png.toFile());
		if (img == null) throw new IOException("Not an image: " + png);
		final int w = img.getWidth(), h = img.getHeight();
		final int[][] p = new int[3][w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int rgb = img.getRGB(x, y);
				for (int c = 0; c < 3; c++) p[c][y * w + x] = rgb >> (16 - 8 * c) & 0xff;
			}
		return p;
	}

	public static int[] size(final Path png) throws IOException {
		final BufferedImage img = ImageIO.read(png.toFile());
		return new int[] { img.getWidth(), img.getHeight() };
	}

	/** An RGB image, mapped [0, 255] to [0, 1] as the original programs do. */
	public static ImageData read(final Path png) throws IOException {
		final int[] size = size(png);
		final int[][] p = planes(png);
		final List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
		for (final int[] channel : p) {
			final byte[] b = new byte[channel.length];
			for (int i = 0; i < b.length; i++) b[i] = (byte) channel[i];
			planes.add(ArrayImgs.unsignedBytes(b, size[0], size[1]));
		}
		return new ImageData() {
			@Override public int width() { return size[0]; }
			@Override public int height() { return size[1]; }
			@Override public PixelType pixelType() { return PixelType.RGB; }
			@Override public int planeCount() { return 1; }
			@Override public List<RandomAccessibleInterval<? extends RealType<?>>> components(final int index) { return planes; }
			@Override public ValueMapping mapping(final int index) { return ValueMapping.of(0, 255); }
		};
	}

	/** A little-endian float32 C-order {@code .npy} file's values; {@code shape} receives its shape. */
	public static float[] npy(final Path file, final List<Integer> shape) throws IOException {
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		if (b.get(0) != (byte) 0x93 || b.get(1) != 'N') throw new IOException("Not an .npy file: " + file);
		final int major = b.get(6);
		final int headerLength = major == 1 ? b.getShort(8) & 0xffff : b.getInt(8);
		final int start = (major == 1 ? 10 : 12) + headerLength;
		final String header = new String(b.array(), major == 1 ? 10 : 12, headerLength, StandardCharsets.US_ASCII);
		if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) throw new IOException("Expected little-endian float32 in C order: " + header);
		final String dims = header.substring(header.indexOf('(') + 1, header.indexOf(')'));
		for (final String d : dims.split(","))
			if (!d.trim().isEmpty()) shape.add(Integer.parseInt(d.trim()));
		final float[] v = new float[(b.capacity() - start) / 4];
		b.position(start);
		b.asFloatBuffer().get(v);
		return v;
	}
}
