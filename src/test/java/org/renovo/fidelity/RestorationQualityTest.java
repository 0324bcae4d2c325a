package org.renovo.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.renovo.engine.DeviceChoice;
import org.renovo.imaging.NoiseEstimator;
import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.DenoiseTask;
import org.renovo.task.ModelRuntime;
import org.renovo.task.RestoreTask;
import org.renovo.testing.RealModels;
import org.renovo.testing.SharedPipeline;

/**
 * Denoise and Restore with the real waifu2x models measurably restore: a JPEG-damaged photo gets closer
 * to its original, a noisy 16-bit image loses most of its noise and keeps its mean and its outliers.
 * Skips when the models (bin/renovo models fetch) or ../shared are absent. Figures go to stdout.
 */
class RestorationQualityTest {

	private static final RunOptions CPU = RunOptions.defaults().withDevice(DeviceChoice.CPU);

	private static ModelRuntime runtime() {
		for (int level = 0; level <= 3; level++)
			assumeTrue(RealModels.installed("waifu2x-cunet-noise" + level), "waifu2x cunet models not installed");
		final Path dir = RealModels.modelsDirectory();
		return new ModelRuntime(new ModelRegistry(dir, Paths.get("target", "test-cache")), SharedPipeline.engine(), new GeometryResolver(Paths.get("target", "test-cache")));
	}

	@Test
	void restoreEstimatesTheJpegDamageAndRepairsIt() throws IOException {
		final ModelRuntime runtime = runtime();
		final Path photo = Paths.get("..", "shared", "images", "skimage_chelsea.png");
		assumeTrue(Files.isRegularFile(photo), "../shared/images missing");
		final BufferedImage clean = crop(ImageIO.read(photo.toFile()), 256, 192);
		final BufferedImage jpeg = jpeg(clean, 0.15f);
		final ImagePlus damaged = new ImagePlus("damaged.jpg", jpeg);
		final ImagePlus out = new RestoreTask(runtime, "auto", "none", 0, "off", 1, CPU).apply(damaged, "restored", RunMonitor.NONE);
		final String info = (String) out.getProperty("Info");
		final double before = psnr(clean, (ColorProcessor) damaged.getProcessor()), after = psnr(clean, (ColorProcessor) out.getProcessor());
		System.out.printf("restore chelsea 256x192 JPEG q0.15: PSNR %.2f dB -> %.2f dB; %s%n", before, after, info.split("\n")[0]);
		assertTrue(info.contains("noise level 2") || info.contains("noise level 3"), info);
		assertTrue(after > before + 0.5, "PSNR " + before + " -> " + after);
	}

	@Test
	void denoiseOnSixteenBitRemovesNoiseAndKeepsTheData() {
		final ModelRuntime runtime = runtime();
		final int w = 192, h = 160;
		final ShortProcessor clean = new ShortProcessor(w, h), noisy = new ShortProcessor(w, h);
		final Random r = new Random(5);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double v = 8000 + 5000 * Math.sin(x / 15.0) * Math.cos(y / 21.0);
				clean.set(x, y, (int) Math.round(v));
				noisy.set(x, y, (int) Math.round(v + 300 * r.nextGaussian()));
			}
		// NB: measured: sigma 300 -> 96 (600 -> 403: waifu2x was trained on JPEG damage and moderate noise)
		noisy.set(50, 50, 60000); // a hot pixel far above the 99.8th percentile
		final ImagePlus input = new ImagePlus("noisy16", noisy);
		final ImagePlus out = new DenoiseTask(runtime, "waifu2x-cunet", 3, 1, CPU).apply(input, "denoised", RunMonitor.NONE);
		assertEquals(16, out.getBitDepth());
		final double sigmaIn = sigma(noisy), sigmaOut = sigma((ShortProcessor) out.getProcessor());
		final double meanIn = input.getStatistics().mean, meanOut = out.getStatistics().mean;
		System.out.printf("denoise 16-bit %dx%d, level 3: noise sigma %.1f -> %.1f, mean %.1f -> %.1f, hot pixel 60000 -> %d%n", w, h, sigmaIn, sigmaOut, meanIn, meanOut, out.getProcessor().get(50, 50));
		assertTrue(sigmaOut < sigmaIn / 2, sigmaIn + " -> " + sigmaOut);
		assertEquals(meanIn, meanOut, meanIn * 0.01);
		assertTrue(out.getProcessor().get(50, 50) > 20000, "the hot pixel is not clipped to the percentile range: " + out.getProcessor().get(50, 50));
	}

	private static double sigma(final ShortProcessor sp) {
		return NoiseEstimator.sigma((float[]) sp.convertToFloatProcessor().getPixels(), sp.getWidth(), sp.getHeight());
	}

	private static BufferedImage crop(final BufferedImage image, final int w, final int h) {
		final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		out.getGraphics().drawImage(image.getSubimage(0, 0, w, h), 0, 0, null);
		return out;
	}

	private static BufferedImage jpeg(final BufferedImage image, final float quality) throws IOException {
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			final ImageWriteParam p = writer.getDefaultWriteParam();
			p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			p.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), p);
		}
		writer.dispose();
		return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
	}

	private static double psnr(final BufferedImage clean, final ColorProcessor cp) {
		double sum = 0;
		for (int y = 0; y < clean.getHeight(); y++)
			for (int x = 0; x < clean.getWidth(); x++) {
				final int a = clean.getRGB(x, y), b = cp.get(x, y);
				for (int s = 0; s <= 16; s += 8) {
					final double d = (a >> s & 0xff) - (b >> s & 0xff);
					sum += d * d;
				}
			}
		return 10 * Math.log10(255.0 * 255 / (sum / (3.0 * clean.getWidth() * clean.getHeight())));
	}
}
