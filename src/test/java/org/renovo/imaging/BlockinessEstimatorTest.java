package org.renovo.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;

/** Real JPEGs, written and read with javax.imageio, of a smooth 8-bit grey image with some texture. */
class BlockinessEstimatorTest {

	private static final int N = 256;

	@Test
	void strengthGrowsAsJpegQualityFalls() throws IOException {
		// NB: measured: uncompressed 0.993, quality 0.95 0.985, 0.5 1.571, 0.1 3.599.
		final float[] original = scene();
		final double none = strength(original, N);
		final double q95 = strength(jpeg(original, 0.95f), N);
		final double q50 = strength(jpeg(original, 0.5f), N);
		final double q10 = strength(jpeg(original, 0.1f), N);
		final String figures = String.format("none %.3f, q0.95 %.3f, q0.5 %.3f, q0.1 %.3f", none, q95, q50, q10);
		assertEquals(1.0, none, 0.05, figures);
		assertEquals(1.0, q95, 0.05, figures);
		assertTrue(q50 > 1.3, figures);
		assertTrue(q10 > 3.0, figures);
		assertTrue(q10 > q50 && q50 > q95, figures);
	}

	@Test
	void measuresTheGridNotJustTheDamage() throws IOException {
		// NB: the same JPEG cropped by 3 pixels keeps all its artefacts but moves the grid off the
		// origin. Measured: aligned 3.599, shifted 0.967.
		final float[] q10 = jpeg(scene(), 0.1f);
		final int n = N - 3;
		final float[] shifted = new float[n * n];
		for (int y = 0; y < n; y++)
			System.arraycopy(q10, (y + 3) * N + 3, shifted, y * n, n);
		final double aligned = strength(q10, N), off = strength(shifted, n);
		final String figures = String.format("aligned %.3f, shifted %.3f", aligned, off);
		assertTrue(off < aligned, figures);
		assertEquals(1.0, off, 0.1, figures);
	}

	@Test
	void smallOrFlatPlanesGiveNoEvidence() {
		assertEquals(1.0, BlockinessEstimator.strength(new float[15 * 40], 15, 40), 0);
		assertEquals(1.0, BlockinessEstimator.strength(new float[16 * 16], 16, 16), 0);
		final float[] blocks = new float[16 * 16];
		for (int i = 0; i < blocks.length; i++)
			blocks[i] = (i % 16) / 8 * 10 + (i / 16) / 8 * 20;
		assertEquals(Double.POSITIVE_INFINITY, strength(blocks, 16), 0);
	}

	@Test
	void ratioOfBoundaryToInsideDifferences() {
		// NB: a 16 × 16 plane whose values step by 1 inside blocks and by 5 across columns 7|8, and
		// are constant down columns.
		final float[] plane = new float[16 * 16];
		for (int y = 0; y < 16; y++)
			for (int x = 0; x < 16; x++)
				plane[y * 16 + x] = x + (x >= 8 ? 4 : 0);
		// across: 16 horizontal steps of 5 and 16 vertical steps of 0 (rows 7|8), mean 2.5; inside:
		// 16 × 14 horizontal steps of 1 and 16 × 14 vertical steps of 0, mean 0.5.
		assertEquals(2.5 / 0.5, strength(plane, 16), 1e-12);
	}

	private static double strength(final float[] plane, final int side) {
		return BlockinessEstimator.strength(plane, side, side);
	}

	/** Gradients and sines with a little seeded texture, rounded to 8 bits. */
	static float[] scene() {
		final float[] plane = SyntheticImages.smooth(N, N);
		final Random random = new Random(5);
		for (int i = 0; i < plane.length; i++)
			plane[i] = Math.round(Math.min(255, Math.max(0, plane[i] + 3 * random.nextGaussian())));
		return plane;
	}

	/** {@code plane} (0..255) encoded as a JPEG of the given quality and decoded again. */
	static float[] jpeg(final float[] plane, final float quality) throws IOException {
		final BufferedImage image = new BufferedImage(N, N, BufferedImage.TYPE_BYTE_GRAY);
		final int[] samples = new int[plane.length];
		for (int i = 0; i < plane.length; i++)
			samples[i] = (int) plane[i];
		image.getRaster().setSamples(0, 0, N, N, 0, samples);
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			final ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		final Raster decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())).getRaster();
		final float[] result = new float[N * N];
		decoded.getSamples(0, 0, N, N, 0, result);
		return result;
	}
}
