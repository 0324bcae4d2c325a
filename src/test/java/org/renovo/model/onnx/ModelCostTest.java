package org.renovo.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.renovo.testing.RealModels;
import org.renovo.testing.TinyModels;

/** Multiply-adds and feature-map sizes counted from the graph, against hand counts. */
class ModelCostTest {

	@Test
	void countsConvolutionsAtTheirScale() {
		// one 3x3 conv 3 -> 3: 3*3*3*3 = 81 MACs per pixel; largest map 3 channels
		final ModelCost conv = ModelCost.of(TinyModels.conv(3, 3));
		assertEquals(81, conv.macsPerInputPixel(), 1e-9);
		assertEquals(3 * 4, conv.peakActivationBytesPerInputPixel(), 1e-9);
		// nearest x2 first, then the conv on 4 output pixels per input pixel
		final ModelCost nearest = ModelCost.of(TinyModels.nearest2());
		assertEquals(4 * 81, nearest.macsPerInputPixel(), 1e-9);
		assertEquals(4 * 3 * 4, nearest.peakActivationBytesPerInputPixel(), 1e-9);
		// conv 3 -> 12 at scale 1 (324), then depth-to-space x2: 12 channels become 3 at 4 pixels
		final ModelCost d2s = ModelCost.of(TinyModels.depthToSpace2());
		assertEquals(12 * 3 * 9, d2s.macsPerInputPixel(), 1e-9);
		assertEquals(12 * 4, d2s.peakActivationBytesPerInputPixel(), 1e-9);
		// space-to-depth /4: 48 channels at 1/16 of the pixels, conv 48 -> 48 3x3
		assertEquals(48 * 48 * 9 / 16.0, ModelCost.of(TinyModels.multipleOf4()).macsPerInputPixel(), 1e-9);
		assertEquals(0, ModelCost.of(TinyModels.identity(3)).macsPerInputPixel());
	}

	@Test
	void realEsrganIsAboutItsPublishedSize() {
		assumeTrue(RealModels.installed("realesrgan-x4plus"), "models not installed");
		final ModelCost c = ModelCost.of(RealModels.modelsDirectory().resolve("realesrgan-x4plus.onnx"));
		// RRDBNet: 16.7 M parameters, nearly all in convolutions at the input's resolution, plus the
		// upsampling convolutions at 2x and 4x (64*64*9 * (4 + 16 + 16) + 64*3*9*16 MACs)
		final double body = 16.7e6, upsampling = 36864.0 * 36 + 1728 * 16;
		System.out.println("realesrgan-x4plus: " + c);
		assertTrue(c.macsPerInputPixel() > 0.95 * (body - 2e6) + upsampling && c.macsPerInputPixel() < 1.05 * (body + upsampling), c.toString());
		assertEquals(0, c.uncounted().size(), c.toString());
	}
}
