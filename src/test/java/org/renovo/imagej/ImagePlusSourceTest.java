package org.renovo.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.renovo.error.UnsupportedImageException;
import org.renovo.tensor.PixelType;

class ImagePlusSourceTest {

	@Test
	void indexedColourIsRefusedWithTheFix() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		// NB: a jumbled palette; ImageJ treats smooth colour LUTs as pseudo-colour on gray data.
		final java.util.Random random = new java.util.Random(1);
		random.nextBytes(r);
		random.nextBytes(g);
		random.nextBytes(b);
		final ImagePlus palette = new ImagePlus("palette", new ij.process.ByteProcessor(8, 8, new byte[64], new java.awt.image.IndexColorModel(8, 256, r, g, b)));
		palette.setTypeToColor256(); // NB: what ImageJ's GIF and BMP readers do for palette images
		assertEquals(ImagePlus.COLOR_256, palette.getType());
		final UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> ImagePlusSource.of(palette));
		assertTrue(e.getMessage().contains("RGB Color"), e.getMessage());
	}

	@Test
	void compositeChannelsMapTheirOwnDisplayRange() {
		final ImagePlus imp = IJ.createImage("hs", "16-bit composite-mode", 4, 4, 2, 1, 1);
		final CompositeImage c = (CompositeImage) imp;
		c.setC(1);
		c.setDisplayRange(100, 200);
		c.setC(2);
		c.setDisplayRange(1000, 5000);
		final ImagePlusSource s = ImagePlusSource.of(c);
		assertEquals(PixelType.UINT16, s.pixelType());
		assertEquals(100.0, s.mapping(0).low());
		assertEquals(5000.0, s.mapping(1).high());
	}

	@Test
	void constantPlaneMapsAUnitWideRangeAndLeavesTheInputAlone() {
		final ShortProcessor sp = new ShortProcessor(3, 1);
		sp.setValue(600);
		sp.fill();
		final ImagePlus imp = new ImagePlus("flat", sp);
		imp.setDisplayRange(600, 600);
		final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		assertEquals(600.0, ImagePlusSource.of(imp).mapping(0).low());
		assertEquals(601.0, ImagePlusSource.of(imp).mapping(0).high());
		assertEquals(min, imp.getDisplayRangeMin(), "the input's display range is not touched");
		assertEquals(max, imp.getDisplayRangeMax());
	}

	@Test
	void rgbComponentsAreReadWithoutCopying() {
		final ImagePlus rgb = IJ.createImage("rgb", "RGB", 2, 1, 1);
		rgb.getProcessor().set(0, 0, 0x102030);
		final ImagePlusSource s = ImagePlusSource.of(rgb);
		assertEquals(3, s.components(0).size());
		assertEquals(0x20, s.components(0).get(1).randomAccess().setPositionAndGet(0, 0).getRealDouble());
		rgb.getProcessor().set(0, 0, 0x102130);
		assertEquals(0x21, s.components(0).get(1).randomAccess().setPositionAndGet(0, 0).getRealDouble(), "a view, not a copy");
	}
}
