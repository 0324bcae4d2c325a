package org.renovo.model.ncnn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.renovo.model.ncnn.NcnnFixture.param;
import static org.renovo.model.ncnn.NcnnFixture.randoms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.renovo.error.ModelFormatException;
import org.renovo.model.ncnn.NcnnFixture.Bin;

/**
 * Thousands of seeded mutations of a valid model that uses most layer types (deleted, duplicated and
 * swapped tokens, changed numbers, truncated, dropped and repeated lines, a cut .bin): the importer either
 * converts or throws {@link ModelFormatException}, never anything else.
 */
class NcnnFuzzTest {

	private static final int CASES = 4000;

	private static final String PARAM = param("Input in 0 1 data 0=64 1=64 2=3",
		"Convolution c1 1 1 data a 0=8 1=3 4=1 5=1 6=216 9=2 -23310=1,1.000000e-01",
		"Split s1 1 3 a a1 a2 a3",
		"Pooling gap 1 1 a1 g 0=1 4=1",
		"InnerProduct fc 1 1 g f 0=8 1=1 2=64 9=4",
		"BinaryOp mul 2 1 a2 f b 0=2",
		"Convolution c2 1 1 b c 0=8 1=2 3=2 5=1 6=256",
		"Deconvolution d1 1 1 c d 0=8 1=2 3=2 5=1 6=256 9=1",
		"Crop cr 1 1 a3 e -23309=2,0,0 -23310=2,0,0 -23311=2,-2,-1",
		"Eltwise el 2 1 d e h 0=1 -23301=2,5.000000e-01,1.0",
		"Padding pd 1 1 h i 0=1 1=1 2=1 3=1 4=2",
		"Pooling mp 1 1 i j 0=0 1=3 2=1",
		"PReLU pr 1 1 j k 0=8",
		"Concat cat 2 1 k k l 0=0",
		"PixelShuffle ps 1 1 l m 0=2",
		"Interp it 1 1 m n 0=3 1=2.0 2=2.0",
		"Scale sc 1 1 n o 0=4 1=1",
		"Clip cl 1 1 o p 0=0.0 1=1.0",
		"Convolution c3 1 1 p y 0=3 1=1 5=1 6=12");

	private static final byte[] BIN = new Bin().tagged(randoms(216, 1)).raw(randoms(8, 2))
		.tagged(randoms(64, 3)).raw(randoms(8, 4))
		.tagged(randoms(256, 5)).raw(randoms(8, 6))
		.tagged(randoms(256, 7)).raw(randoms(8, 8))
		.raw(randoms(8, 9))
		.raw(randoms(4, 10)).raw(randoms(4, 11))
		.tagged(randoms(12, 12)).raw(randoms(3, 13)).bytes();

	@Test
	void theBaseModelConverts() {
		NcnnFixture.convert(PARAM, BIN);
	}

	@Test
	void mutatedModelsFailOnlyWithModelFormatException() {
		int converted = 0, refused = 0;
		for (int seed = 0; seed < CASES; seed++) {
			final Random r = new Random(seed);
			final String text = mutate(PARAM, r);
			final byte[] bin = r.nextInt(8) == 0 ? Arrays.copyOf(BIN, r.nextInt(BIN.length)) : BIN;
			try {
				NcnnFixture.convert(text, bin);
				converted++;
			}
			catch (final ModelFormatException e) {
				refused++;
			}
			catch (final RuntimeException | Error e) {
				fail("seed " + seed + ": " + e + " escaped the importer for\n" + text, e);
			}
		}
		// NB: guards the guard: most mutations must be refused, and some harmless ones still convert
		assertTrue(refused > CASES / 2 && converted > 0, "refused " + refused + ", converted " + converted);
	}

	private static String mutate(final String text, final Random r) {
		final List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
		for (int n = 1 + r.nextInt(3); n > 0; n--) {
			final int li = r.nextInt(lines.size());
			final List<String> tokens = new ArrayList<>(Arrays.asList(lines.get(li).split(" ")));
			final int ti = r.nextInt(tokens.size());
			switch (r.nextInt(8)) {
				case 0: tokens.remove(ti); break;
				case 1: tokens.add(ti, tokens.get(ti)); break;
				case 2: Collections.swap(tokens, ti, r.nextInt(tokens.size())); break;
				case 3: tokens.set(ti, changeNumber(tokens.get(ti), r)); break;
				case 4: lines.set(li, lines.get(li).substring(0, r.nextInt(lines.get(li).length() + 1))); continue;
				case 5: lines.remove(li); if (lines.isEmpty()) lines.add(""); continue;
				case 6: lines.add(li, lines.get(li)); continue;
				default: {
					final char[] cs = tokens.get(ti).toCharArray();
					if (cs.length > 0) cs[r.nextInt(cs.length)] = "0123456789-.,=e aZ\"".charAt(r.nextInt(19));
					tokens.set(ti, new String(cs));
				}
			}
			lines.set(li, String.join(" ", tokens));
		}
		return String.join("\n", lines) + "\n";
	}

	/** Replaces the last number in a token by another, often an awkward one. */
	private static String changeNumber(final String token, final Random r) {
		final String[] awkward = { "0", "-1", "-233", "-234", "1", "2", "3", "7", "64", "65535", "2147483647", "-2147483648", "1.5", "-0.0", "1e30" };
		final int eq = token.lastIndexOf('=') + 1, comma = token.lastIndexOf(',') + 1, at = Math.max(eq, comma);
		return token.substring(0, at) + awkward[r.nextInt(awkward.length)];
	}
}
