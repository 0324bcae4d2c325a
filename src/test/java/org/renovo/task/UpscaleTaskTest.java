package org.renovo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.InvalidOptionsException;
import org.renovo.imaging.LanczosResampler;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;

/** Upscale to any scale: chained siblings, resampling, sizes and calibration. */
class UpscaleTaskTest {

	@TempDir Path dir;

	@Test
	void sixIsTwoThenThreeAndExact() {
		final ImagePlus input = rgb(17, 11);
		input.getCalibration().pixelWidth = 0.6;
		input.getCalibration().pixelHeight = 1.2;
		input.getCalibration().setUnit("mm");
		final ImagePlus out = new UpscaleTask(TaskModels.runtime(dir), "tiny-x2", 6, RunOptions.defaults()).apply(input, "out", RunMonitor.NONE);
		assertEquals(102, out.getWidth());
		assertEquals(66, out.getHeight());
		final int[] in = (int[]) input.getProcessor().getPixels(), px = (int[]) out.getProcessor().getPixels();
		for (int y = 0; y < 66; y++)
			for (int x = 0; x < 102; x++)
				assertEquals(in[(y / 6) * 17 + x / 6] & 0xffffff, px[y * 102 + x] & 0xffffff, "pixel " + x + "," + y);
		assertEquals(0.1, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.2, out.getCalibration().pixelHeight, 1e-12);
		assertEquals("mm", out.getCalibration().getUnit());
		final String info = (String) out.getProperty("Info");
		assertTrue(info.contains("scale 6: 2x then 3x"), info);
		assertTrue(info.contains("model tiny-x2") && info.contains("model tiny-x3"), info);
	}

	@Test
	void otherScalesResampleTheFloatResultBeforeRounding() {
		final FloatProcessor fp = new FloatProcessor(13, 9);
		for (int i = 0; i < 13 * 9; i++) fp.setf(i, (float) Math.sin(i * 0.37) * 1000);
		final ImagePlus input = new ImagePlus("f", fp);
		final ImagePlus out = new UpscaleTask(TaskModels.runtime(dir), "tiny-x2", 1.5, RunOptions.defaults()).apply(input, "out", RunMonitor.NONE);
		assertEquals(20, out.getWidth()); // round(19.5)
		assertEquals(14, out.getHeight()); // round(13.5)
		// the x2 model is exact nearest-neighbour, so the result is the Lanczos resize of that
		final float[] twice = new float[26 * 18];
		for (int y = 0; y < 18; y++)
			for (int x = 0; x < 26; x++)
				twice[y * 26 + x] = fp.getf(x / 2, y / 2);
		final float[] expected = LanczosResampler.resize(twice, 26, 18, 20, 14);
		final float[] actual = (float[]) out.getProcessor().getPixels();
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], 1e-3 * 1000, "value " + i);
		assertEquals(13.0 / 20, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(9.0 / 14, out.getCalibration().pixelHeight, 1e-12);
		assertTrue(((String) out.getProperty("Info")).contains("Lanczos"));
	}

	@Test
	void nativeScaleStreamsAndKeepsSixteenBitValuesOutsideTheDisplayRange() {
		final ShortProcessor sp = new ShortProcessor(8, 8);
		for (int i = 0; i < 64; i++) sp.set(i, 100 + 1000 * i);
		final ImagePlus input = new ImagePlus("s", sp);
		input.setDisplayRange(0, 255);
		final ImagePlus out = new UpscaleTask(TaskModels.runtime(dir), "tiny-x4", 0, RunOptions.defaults()).apply(input, "out", RunMonitor.NONE);
		assertEquals(32, out.getWidth());
		assertEquals(63100, out.getProcessor().get(31, 31));
		assertEquals(0.25, out.getCalibration().pixelWidth, 1e-12);
	}

	@Test
	void clippedValuesAreReportedNotHidden() {
		// Lanczos overshoots at a hard edge: an 8-bit step 0 -> 255 rings below 0 and above 255
		final ColorProcessor cp = new ColorProcessor(16, 16);
		for (int y = 0; y < 16; y++)
			for (int x = 5; x < 16; x++) cp.set(x, y, 0xffffff);
		final List<String> warnings = new ArrayList<>();
		final ImagePlus out = new UpscaleTask(TaskModels.runtime(dir), "tiny-x4", 2.5, RunOptions.defaults()).apply(new ImagePlus("edge", cp), "out", new RunMonitor() {
			@Override public void info(final String message) { warnings.add(message); }
		});
		assertEquals(40, out.getWidth());
		assertTrue(warnings.stream().anyMatch(w -> w.contains("clamped")), warnings.toString());
		assertTrue(((String) out.getProperty("Info")).contains("clamped"));
	}

	@Test
	void badScalesAreRefusedBeforeAnyRun() {
		final ModelRuntime runtime = TaskModels.runtime(dir);
		assertThrows(InvalidOptionsException.class, () -> new UpscaleTask(runtime, "tiny-x2", 1, RunOptions.defaults()).apply(rgb(8, 8), "o", RunMonitor.NONE));
		assertThrows(InvalidOptionsException.class, () -> new UpscaleTask(runtime, "tiny-x2", 20, RunOptions.defaults()).apply(rgb(8, 8), "o", RunMonitor.NONE));
	}

	static ImagePlus rgb(final int w, final int h) {
		final ColorProcessor cp = new ColorProcessor(w, h);
		final java.util.Random r = new java.util.Random(7);
		for (int i = 0; i < w * h; i++) cp.set(i, r.nextInt(0x1000000));
		final ImagePlus imp = new ImagePlus("rgb", cp);
		imp.setCalibration(new Calibration());
		return imp;
	}
}
