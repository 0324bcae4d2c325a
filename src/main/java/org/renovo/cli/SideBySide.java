package org.renovo.cli;

import ij.ImagePlus;
import ij.process.ColorProcessor;

/** Two RGB images of one size next to each other, a thin white gap between, each with a label in its corner. */
final class SideBySide {

	private static final int GAP = 4, MARGIN = 6, FONT_SIZE = 2;

	private SideBySide() {}

	static ImagePlus of(final ImagePlus left, final String leftLabel, final ImagePlus right, final String rightLabel, final String title) {
		final int w = left.getWidth(), h = left.getHeight();
		if (right.getWidth() != w || right.getHeight() != h) throw new IllegalArgumentException("Images differ in size: " + w + "x" + h + " and " + right.getWidth() + "x" + right.getHeight());
		final ColorProcessor canvas = new ColorProcessor(2 * w + GAP, h);
		canvas.setColor(java.awt.Color.WHITE);
		canvas.fill();
		canvas.insert(left.getProcessor().convertToRGB(), 0, 0);
		canvas.insert(right.getProcessor().convertToRGB(), w + GAP, 0);
		Label.draw(canvas, leftLabel, MARGIN, MARGIN, FONT_SIZE);
		Label.draw(canvas, rightLabel, w + GAP + MARGIN, MARGIN, FONT_SIZE);
		return new ImagePlus(title, canvas);
	}
}
