package org.renovo.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/** A line plot of throughput against tile size, one line per model, each relative to its best. */
final class SweepPlot {

	private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd) };
	private static final int W = 720, H = 420, LEFT = 70, RIGHT = 200, TOP = 40, BOTTOM = 60;

	private SweepPlot() {}

	static void write(final Map<String, Map<Integer, Double>> sweeps, final Path file) throws IOException {
		final BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, W, H);
		int minTile = Integer.MAX_VALUE, maxTile = 0;
		for (final Map<Integer, Double> s : sweeps.values())
			for (final int t : s.keySet()) { minTile = Math.min(minTile, t); maxTile = Math.max(maxTile, t); }
		final double yMin = 0.5, yMax = 1.02;
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		g.drawString("Throughput against tile size (4 MP output, CPU), relative to each model's best", LEFT, 22);
		g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
		for (double y = 0.5; y <= 1.0001; y += 0.1) {
			final int py = y(y, yMin, yMax);
			g.setColor(new Color(0xdddddd));
			g.drawLine(LEFT + 1, py, W - RIGHT - 1, py);
			g.setColor(Color.BLACK);
			g.drawString(String.format(Locale.ROOT, "%.0f%%", 100 * y), LEFT - 40, py + 5);
		}
		for (final int t : sweeps.values().iterator().next().keySet()) {
			final int px = x(t, minTile, maxTile);
			g.drawLine(px, H - BOTTOM, px, H - BOTTOM + 5);
			g.drawString(String.valueOf(t), px - 12, H - BOTTOM + 20);
		}
		g.drawString("tile size (input px)", (W - RIGHT) / 2 - 30, H - 15);
		int i = 0;
		for (final Map.Entry<String, Map<Integer, Double>> e : sweeps.entrySet()) {
			final double best = e.getValue().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
			g.setColor(COLOURS[i % COLOURS.length]);
			g.setStroke(new BasicStroke(2f));
			int lx = -1, ly = -1;
			for (final Map.Entry<Integer, Double> p : e.getValue().entrySet()) {
				final int px = x(p.getKey(), minTile, maxTile), py = y(p.getValue() / best, yMin, yMax);
				g.fillOval(px - 3, py - 3, 7, 7);
				if (lx >= 0) g.drawLine(lx, ly, px, py);
				lx = px;
				ly = py;
			}
			g.drawString(e.getKey(), W - RIGHT + 10, TOP + 20 + 20 * i);
			i++;
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static int x(final int tile, final int min, final int max) {
		return LEFT + (int) Math.round((double) (tile - min) / Math.max(1, max - min) * (W - LEFT - RIGHT - 20) + 10);
	}

	private static int y(final double v, final double min, final double max) {
		return TOP + (int) Math.round((max - Math.max(min, v)) / (max - min) * (H - TOP - BOTTOM));
	}
}
