package org.renovo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.ModelFormatException;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;

/** Denoise: level picks the model, blend mixes, 16-bit planes are normalised robustly and never clipped. */
class DenoiseTaskTest {

	@TempDir Path dir;

	@Test
	void levelPicksTheDefaultFamilysModel() {
		assertEquals("waifu2x-cunet-noise2", DenoiseTask.idFor("waifu2x-cunet", 2));
		assertEquals("my-model", DenoiseTask.idFor("my-model", 2));
		final ImagePlus out = new DenoiseTask(TaskModels.runtime(dir), "waifu2x-cunet", 3, 1, RunOptions.defaults()).apply(gray8(), "o", RunMonitor.NONE);
		assertTrue(((String) out.getProperty("Info")).contains("waifu2x-cunet-noise3 (level 3)"));
	}

	@Test
	void sixteenBitPlanesKeepValuesFarOutsideThePercentiles() {
		// a dim image with one hot pixel at 65000: with the identity model every value must come back, the hot one too
		final ShortProcessor sp = new ShortProcessor(40, 30);
		for (int i = 0; i < 1200; i++) sp.set(i, 1000 + (i * 37) % 500);
		sp.set(5, 5, 65000);
		sp.set(6, 6, 0);
		final ImagePlus input = new ImagePlus("s16", sp);
		input.setDisplayRange(0, 4000);
		final ImagePlus out = new DenoiseTask(TaskModels.runtime(dir), "identity", 0, 1, RunOptions.defaults()).apply(input, "o", RunMonitor.NONE);
		assertEquals(16, out.getBitDepth());
		for (int i = 0; i < 1200; i++)
			assertEquals(sp.get(i), out.getProcessor().get(i), "value " + i);
		final String info = (String) out.getProperty("Info");
		assertTrue(info.contains("(p1..p99.8) -> [0, 1]"), info);
		assertTrue(info.contains("lie outside and pass unclipped"), info);
		assertTrue(info.contains("level does not apply"), info);
	}

	@Test
	void blendMixesWithTheOriginalInImageUnits() {
		final ImagePlus input = gray8();
		final ModelRuntime runtime = TaskModels.runtime(dir);
		final ImagePlus full = new DenoiseTask(runtime, "waifu2x-cunet", 1, 1, RunOptions.defaults()).apply(input, "o", RunMonitor.NONE);
		final ImagePlus half = new DenoiseTask(runtime, "waifu2x-cunet", 1, 0.5, RunOptions.defaults()).apply(input, "o", RunMonitor.NONE);
		final ImagePlus none = new DenoiseTask(runtime, "waifu2x-cunet", 1, 0, RunOptions.defaults()).apply(input, "o", RunMonitor.NONE);
		int differs = 0;
		for (int i = 0; i < 64 * 48; i++) {
			final int a = input.getProcessor().get(i), b = full.getProcessor().get(i);
			assertEquals(a, none.getProcessor().get(i));
			assertEquals((a + b) / 2.0, half.getProcessor().get(i), 1.0, "value " + i);
			if (a != b) differs++;
		}
		assertTrue(differs > 1000, "the stand-in model changes the image: " + differs);
	}

	@Test
	void refusesUpscalersAndOutOfRangeOptions() {
		final ModelRuntime runtime = TaskModels.runtime(dir);
		final InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> new DenoiseTask(runtime, "tiny-x2", 1, 1, RunOptions.defaults()).apply(gray8(), "o", RunMonitor.NONE));
		assertTrue(e.getMessage().contains("needs a 1x model"), e.getMessage());
		assertThrows(InvalidOptionsException.class, () -> new DenoiseTask(runtime, "waifu2x-cunet", 4, 1, RunOptions.defaults()));
		assertThrows(InvalidOptionsException.class, () -> new DenoiseTask(runtime, "waifu2x-cunet", 1, 1.5, RunOptions.defaults()));
		assertThrows(InvalidOptionsException.class, () -> new DenoiseTask(runtime, "waifu2x-cunet", 1, Double.NaN, RunOptions.defaults()));
		final ModelFormatException missing = assertThrows(ModelFormatException.class, () -> new DenoiseTask(
			new ModelRuntime(new org.renovo.model.ModelRegistry(dir.resolve("empty")), null, null), "waifu2x-cunet", 1, 1, RunOptions.defaults()));
		assertTrue(missing.getMessage().contains("waifu2x-cunet-noise1") && missing.getMessage().contains("models fetch"), missing.getMessage());
	}

	static ImagePlus gray8() {
		final ByteProcessor bp = new ByteProcessor(64, 48);
		final java.util.Random r = new java.util.Random(3);
		for (int i = 0; i < 64 * 48; i++) bp.set(i, r.nextInt(256));
		return new ImagePlus("g8", bp);
	}
}
