package org.renovo.cli;

import java.util.HashMap;
import java.util.Map;

import ij.process.ColorProcessor;

/**
 * Small white capitals, digits, '-', '.' and ' ' on a black box, from a built-in 5×7 pixel font. NB: drawn without AWT fonts,
 * which a headless JDK on a bare machine may not have (Java then fails looking for fontconfig).
 */
final class Label {

	private static final int W = 5, H = 7, PAD = 2;
	private static final Map<Character, String> GLYPHS = new HashMap<>();

	static {
		glyph(' ', ".....", ".....", ".....", ".....", ".....", ".....", ".....");
		glyph('-', ".....", ".....", ".....", "#####", ".....", ".....", ".....");
		glyph('2', ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####");
		glyph('B', "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####.");
		glyph('C', ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###.");
		glyph('D', "####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####.");
		glyph('E', "#####", "#....", "#....", "####.", "#....", "#....", "#####");
		glyph('I', ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###.");
		glyph('M', "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#");
		glyph('N', "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#");
		glyph('O', ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
		glyph('R', "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#");
		glyph('U', "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###.");
		glyph('V', "#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#..");
		glyph('X', "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#");
		glyph('0', ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###.");
		glyph('1', "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###.");
		glyph('3', "####.", "....#", "....#", ".###.", "....#", "....#", "####.");
		glyph('4', "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#.");
		glyph('5', "#####", "#....", "####.", "....#", "....#", "#...#", ".###.");
		glyph('6', ".###.", "#....", "#....", "####.", "#...#", "#...#", ".###.");
		glyph('7', "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#...");
		glyph('8', ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###.");
		glyph('9', ".###.", "#...#", "#...#", ".####", "....#", "....#", ".###.");
		glyph('A', ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
		glyph('F', "#####", "#....", "#....", "####.", "#....", "#....", "#....");
		glyph('G', ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###.");
		glyph('H', "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#");
		glyph('J', "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##..");
		glyph('K', "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#");
		glyph('L', "#....", "#....", "#....", "#....", "#....", "#....", "#####");
		glyph('P', "####.", "#...#", "#...#", "####.", "#....", "#....", "#....");
		glyph('Q', ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#");
		glyph('S', ".####", "#....", "#....", ".###.", "....#", "....#", "####.");
		glyph('T', "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#..");
		glyph('W', "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "##.##", "#...#");
		glyph('Y', "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#..");
		glyph('Z', "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####");
		glyph('.', ".....", ".....", ".....", ".....", ".....", ".##..", ".##..");
	}

	private Label() {}

	private static void glyph(final char c, final String... rows) {
		GLYPHS.put(c, String.join("", rows));
	}

	/**
	 * Draws {@code text} with its box's top-left corner at ({@code x}, {@code y}), each font pixel
	 * {@code size} image pixels wide.
	 *
	 * @throws IllegalArgumentException for a character the font lacks
	 */
	static void draw(final ColorProcessor ip, final String text, final int x, final int y, final int size) {
		final int step = (W + 1) * size;
		ip.setColor(java.awt.Color.BLACK);
		ip.fillRect(x, y, text.length() * step - size + 2 * PAD * size, (H + 2 * PAD) * size);
		for (int i = 0; i < text.length(); i++)
			drawGlyph(ip, glyph(text.charAt(i)), x + (PAD * size) + i * step, y + PAD * size, size);
	}

	private static String glyph(final char c) {
		final String g = GLYPHS.get(c);
		if (g == null) throw new IllegalArgumentException("The label font has no '" + c + "'; it has " + GLYPHS.keySet());
		return g;
	}

	private static void drawGlyph(final ColorProcessor ip, final String glyph, final int x, final int y, final int size) {
		for (int row = 0; row < H; row++)
			for (int col = 0; col < W; col++)
				if (glyph.charAt(row * W + col) == '#') fill(ip, x + col * size, y + row * size, size);
	}

	private static void fill(final ColorProcessor ip, final int x, final int y, final int size) {
		for (int dy = 0; dy < size; dy++)
			for (int dx = 0; dx < size; dx++)
				ip.set(x + dx, y + dy, 0xffffffff);
	}
}
