package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.PNG_Writer;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code renovo upscale} with the built-in demo-x2 model: sizes, bit depths and hyperstacks survive the round trip. */
class UpscaleCliTest {

	@TempDir
	Path dir;

	@BeforeEach
	void folders() { CliRun.useFolders(dir); }

	@AfterEach
	void clear() { CliRun.clearFolders(); }

	@Test
	void eightBitPngDoublesInSize() throws Exception {
		// setup
		final ByteProcessor ip = new ByteProcessor(21, 13);
		for (int i = 0; i < 21 * 13; i++) ip.set(i, (i * 7) % 256);
		final Path in = dir.resolve("gray.png"), out = dir.resolve("gray-x2.png");
		new PNG_Writer().writeImage(new ImagePlus("gray", ip), in.toString(), -1);
		// process
		final CliRun r = CliRun.run("upscale", "--model", "demo-x2", "--input", in.toString(), "--output", out.toString(), "--device", "cpu");
		// test
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus result = CliRun.open(out);
		assertEquals(42, result.getWidth());
		assertEquals(26, result.getHeight());
		assertEquals(8, result.getBitDepth());
		assertEquals(out.toString(), r.out.trim());
		assertTrue(r.err.contains("Renovo: model demo-x2 runs on cpu"), r.err);
		assertTrue(r.err.contains("Renovo: model demo-x2, x2, device cpu"), r.err);
	}

	@Test
	void sixteenBitTiffStaysSixteenBit() {
		final ShortProcessor ip = new ShortProcessor(16, 12);
		for (int i = 0; i < 16 * 12; i++) ip.set(i, 1000 + 50 * i);
		final Path out = dir.resolve("s16-x2.tif");
		final CliRun r = upscale(CliRun.saveTiff(new ImagePlus("s16", ip), dir.resolve("s16.tif")), out);
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus result = CliRun.open(out);
		assertEquals(16, result.getBitDepth());
		assertEquals(32, result.getWidth());
		assertTrue(result.getProcessor().getStatistics().max > 255, "16-bit values above 255 must survive");
	}

	@Test
	void thirtyTwoBitTiffStaysFloat() {
		final FloatProcessor ip = new FloatProcessor(10, 9);
		for (int i = 0; i < 90; i++) ip.setf(i, -2.5f + 0.1f * i);
		final Path out = dir.resolve("f32-x2.tif");
		final CliRun r = upscale(CliRun.saveTiff(new ImagePlus("f32", ip), dir.resolve("f32.tif")), out);
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus result = CliRun.open(out);
		assertEquals(32, result.getBitDepth());
		assertEquals(20, result.getWidth());
		assertTrue(result.getProcessor().getStatistics().min < 0, "float values keep their sign");
	}

	@Test
	void hyperstackTiffKeepsItsDimensions() {
		final ImageStack stack = new ImageStack(12, 10);
		for (int p = 0; p < 6; p++) {
			final ShortProcessor ip = new ShortProcessor(12, 10);
			ip.add(300 * (p + 1));
			stack.addSlice("plane " + p, ip);
		}
		final ImagePlus hyper = new ImagePlus("hyper", stack);
		hyper.setDimensions(2, 3, 1);
		hyper.setOpenAsHyperStack(true);
		final Path out = dir.resolve("hyper-x2.tif");
		final CliRun r = upscale(CliRun.saveTiff(hyper, dir.resolve("hyper.tif")), out);
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus result = CliRun.open(out);
		assertEquals(2, result.getNChannels());
		assertEquals(3, result.getNSlices());
		assertEquals(24, result.getWidth());
		assertEquals(16, result.getBitDepth());
	}

	@Test
	void sixteenBitPngIsWrittenAsTrueSixteenBitWhateverTheLut() throws IOException {
		final ShortProcessor ip = new ShortProcessor(8, 8);
		for (int i = 0; i < 64; i++) ip.set(i, 500 * i);
		// NB: ImageJ's PNG writer renders any LUT but grey to 8 bits; the CLI must not let it.
		ip.setLut(LUT.createLutFromColor(Color.GREEN));
		final Path out = dir.resolve("s16-x2.png");
		final CliRun r = upscale(CliRun.saveTiff(new ImagePlus("s16", ip), dir.resolve("s16.tif")), out);
		assertEquals(Main.OK, r.code, r.err);
		final BufferedImage png = ImageIO.read(out.toFile());
		assertEquals(16, png.getColorModel().getPixelSize());
		assertEquals(16, png.getWidth());
		assertTrue(CliRun.open(out).getProcessor().getStatistics().max > 255);
	}

	@Test
	void rgbJpegBecomesRgbPng() throws IOException {
		final ColorProcessor ip = new ColorProcessor(14, 11);
		for (int i = 0; i < 14 * 11; i++) ip.set(i, (i * 40) << 16 | (255 - i) << 8 | 90);
		final Path in = dir.resolve("rgb.jpg"), out = dir.resolve("rgb-x2.png");
		ImageIO.write(ip.getBufferedImage(), "jpg", in.toFile());
		final CliRun r = upscale(in, out);
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus result = CliRun.open(out);
		assertEquals(ImagePlus.COLOR_RGB, result.getType());
		assertEquals(28, result.getWidth());
	}

	@Test
	void existingOutputIsReplaced() throws IOException {
		final Path out = dir.resolve("again.tif");
		Files.write(out, new byte[] { 1, 2, 3 });
		final CliRun r = upscale(CliRun.saveTiff(new ImagePlus("b", new ByteProcessor(6, 5)), dir.resolve("b.tif")), out);
		assertEquals(Main.OK, r.code, r.err);
		assertEquals(12, CliRun.open(out).getWidth());
	}

	private static CliRun upscale(final Path in, final Path out) {
		return CliRun.run("upscale", "--model", "demo-x2", "--input", in.toString(), "--output", out.toString(), "--device", "cpu");
	}
}
