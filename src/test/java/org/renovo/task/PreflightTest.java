package org.renovo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.renovo.error.UnsupportedImageException;
import org.renovo.imagej.ImagePlusSource;

/** Advice names the problem and what to do instead; only an impossible result is refused. */
class PreflightTest {

	@Test
	void aLargeCleanImageAtFourGetsNoAdvice() {
		assertEquals(List.of(), Preflight.forUpscale(source(smooth(400, 300)), 4));
	}

	@Test
	void smallImagesAreNamedWithTheirSize() {
		final List<String> advice = Preflight.forDenoise(source(smooth(300, 150)));
		assertEquals(1, advice.size());
		assertTrue(advice.get(0).contains("300x150") && advice.get(0).contains("larger scan"), advice.get(0));
	}

	@Test
	void strongBlockingBeforeAnUpscalePointsToRestore() {
		// flat 8x8 blocks stepping at the grid: what a very low JPEG quality leaves
		final ByteProcessor bp = new ByteProcessor(256, 256);
		final java.util.Random r = new java.util.Random(1);
		for (int by = 0; by < 32; by++)
			for (int bx = 0; bx < 32; bx++) {
				final int v = 100 + r.nextInt(40);
				for (int y = 0; y < 8; y++)
					for (int x = 0; x < 8; x++) bp.set(bx * 8 + x, by * 8 + y, v + (x + y) % 2);
			}
		final List<String> advice = Preflight.forUpscale(source(new ImagePlus("blocky", bp)), 2);
		assertTrue(advice.stream().anyMatch(a -> a.contains("JPEG blocking") && a.contains("Restore")), advice.toString());
		assertEquals(List.of(), Preflight.forRestore(source(new ImagePlus("blocky", bp)), 2), "Restore removes the blocking itself");
	}

	@Test
	void largeScalesAndResultsBeyondMemoryAreAdvisedAgainst() {
		final List<String> advice = Preflight.forUpscale(source(smooth(400, 300)), 8);
		assertTrue(advice.stream().anyMatch(a -> a.contains("scale 8") && a.contains("98 %") && a.contains("4x or less")), advice.toString());
		// 32-bit planes of 100x100 at 16x are 10 MB each: enough planes exceed any heap this JVM has
		final int planes = (int) Math.min(20000, Runtime.getRuntime().maxMemory() / (10L << 20) + 50);
		final ij.ImageStack stack = new ij.ImageStack(100, 100);
		for (int p = 0; p < planes; p++) stack.addSlice(new ij.process.FloatProcessor(100, 100));
		final List<String> memory = Preflight.forUpscale(source(new ImagePlus("stack", stack)), 16);
		assertTrue(memory.stream().anyMatch(a -> a.contains("MB of memory are free") && a.contains("Memory & Threads")), memory.toString());
	}

	@Test
	void aResultImageJCannotHoldIsRefusedBeforeAnyWork() {
		final UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> Preflight.forUpscale(source(smooth(400, 300)), 16 * 16 * 16));
		assertTrue(e.getMessage().contains("more than ImageJ can hold"), e.getMessage());
	}

	@Test
	void artefactLevelsFollowTheThresholds() {
		assertEquals(ArtefactLevel.NONE, ArtefactLevel.level(1.0, ArtefactLevel.BLOCKING_THRESHOLDS));
		assertEquals(0, ArtefactLevel.level(1.2, ArtefactLevel.BLOCKING_THRESHOLDS));
		assertEquals(2, ArtefactLevel.level(1.6, ArtefactLevel.BLOCKING_THRESHOLDS));
		assertEquals(3, ArtefactLevel.level(Double.POSITIVE_INFINITY, ArtefactLevel.BLOCKING_THRESHOLDS));
		assertEquals(1, ArtefactLevel.level(4.5, ArtefactLevel.SIGMA_THRESHOLDS));
	}

	private static ImagePlusSource source(final ImagePlus imp) {
		return ImagePlusSource.of(imp);
	}

	private static ImagePlus smooth(final int w, final int h) {
		final ByteProcessor bp = new ByteProcessor(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) bp.set(x, y, (int) (128 + 80 * Math.sin(x / 23.0) * Math.cos(y / 31.0)));
		return new ImagePlus("smooth", bp);
	}
}
