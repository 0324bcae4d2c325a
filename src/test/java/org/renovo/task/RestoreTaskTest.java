package org.renovo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.InvalidOptionsException;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;

/** Restore's steps in order, each optional and recorded; the artefact level estimated from the image. */
class RestoreTaskTest {

	@TempDir Path dir;

	@Test
	void stepsRunDenoiseThenUpscaleThenColourAndAreRecordedInThatOrder() {
		final ImagePlus faded = faded(48, 40);
		final ImagePlus out = new RestoreTask(TaskModels.runtime(dir), "2", "tiny-x2", 0, "stretch", 1, RunOptions.defaults()).apply(faded, "o", RunMonitor.NONE);
		assertEquals(96, out.getWidth());
		assertEquals(80, out.getHeight());
		final String info = (String) out.getProperty("Info");
		final int denoise = info.indexOf("model waifu2x-cunet-noise2"), upscale = info.indexOf("model tiny-x2"), colour = info.indexOf("step 3, colour stretch");
		assertTrue(denoise >= 0 && upscale > denoise && colour > upscale, info);
		// the faded input spans about 60..180 per channel; restored, each channel spans nearly 0..255
		final int[] range = range((ColorProcessor) out.getProcessor());
		for (int c = 0; c < 3; c++)
			assertTrue(range[2 * c] <= 3 && range[2 * c + 1] >= 252, "channel " + c + ": " + range[2 * c] + ".." + range[2 * c + 1]);
	}

	@Test
	void everyStepCanBeOffAndThenTheImageIsUnchanged() {
		final ImagePlus input = faded(30, 20);
		final ImagePlus out = new RestoreTask(TaskModels.runtime(dir), "off", "none", 0, "off", 1, RunOptions.defaults()).apply(input, "o", RunMonitor.NONE);
		final int[] a = (int[]) input.getProcessor().getPixels(), b = (int[]) out.getProcessor().getPixels();
		for (int i = 0; i < a.length; i++)
			assertEquals(a[i] & 0xffffff, b[i] & 0xffffff, "pixel " + i);
		final String info = (String) out.getProperty("Info");
		assertTrue(info.contains("step 1, artefact removal: skipped") && info.contains("step 2, upscale: skipped") && info.contains("step 3, colour: skipped"), info);
	}

	@Test
	void autoLevelOnACleanSmoothImageSkipsTheDenoise() {
		final ColorProcessor cp = new ColorProcessor(256, 256);
		for (int y = 0; y < 256; y++)
			for (int x = 0; x < 256; x++) {
				final int v = (int) Math.round(128 + 60 * Math.sin(x / 17.0) * Math.cos(y / 23.0));
				cp.set(x, y, v << 16 | v << 8 | v);
			}
		final ImagePlus out = new RestoreTask(TaskModels.runtime(dir), "auto", "none", 0, "off", 1, RunOptions.defaults()).apply(new ImagePlus("clean", cp), "o", RunMonitor.NONE);
		final String info = (String) out.getProperty("Info");
		assertTrue(info.contains("-> no denoise"), info);
		assertTrue(info.contains("step 1, artefact removal: skipped"), info);
	}

	@Test
	void badOptionsNameTheirAllowedValues() {
		final ModelRuntime runtime = TaskModels.runtime(dir);
		assertTrue(assertThrows(InvalidOptionsException.class, () -> new RestoreTask(runtime, "5", "none", 0, "off", 1, RunOptions.defaults())).getMessage().contains("auto"));
		assertTrue(assertThrows(InvalidOptionsException.class, () -> new RestoreTask(runtime, "auto", "none", 0, "sepia", 1, RunOptions.defaults())).getMessage().contains("white-patch"));
		assertThrows(InvalidOptionsException.class, () -> new RestoreTask(runtime, "auto", "none", 0, "stretch", 2, RunOptions.defaults()));
		assertThrows(InvalidOptionsException.class, () -> new RestoreTask(runtime, "auto", "tiny-x2", 0.5, "stretch", 1, RunOptions.defaults()));
	}

	/** A faded colour photo: a pattern squeezed into 60..180 with a red cast. */
	static ImagePlus faded(final int w, final int h) {
		final ColorProcessor cp = new ColorProcessor(w, h);
		final java.util.Random r = new java.util.Random(11);
		for (int i = 0; i < w * h; i++) {
			final double v = 60 + 120 * (0.5 + 0.5 * Math.sin(i * 0.05)) * (0.8 + 0.2 * r.nextDouble());
			final int red = (int) Math.min(255, v * 1.0 + 30), green = (int) (v * 0.8), blue = (int) (v * 0.7);
			cp.set(i, red << 16 | green << 8 | blue);
		}
		return new ImagePlus("faded", cp);
	}

	private static int[] range(final ColorProcessor cp) {
		final int[] r = { 255, 0, 255, 0, 255, 0 };
		for (int i = 0; i < cp.getPixelCount(); i++) {
			final int p = cp.get(i);
			for (int c = 0; c < 3; c++) {
				final int v = p >> (16 - 8 * c) & 0xff;
				r[2 * c] = Math.min(r[2 * c], v);
				r[2 * c + 1] = Math.max(r[2 * c + 1], v);
			}
		}
		return r;
	}
}
