package org.renovo.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MirrorIndexTest {

	@Test
	void reflectsWithoutRepeatingTheEdge() {
		final int[] expected = { 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1 };
		for (int i = -3; i <= 7; i++)
			assertEquals(expected[i + 3], MirrorIndex.reflect(i, 4), "i=" + i);
	}

	@Test
	void oneAndTwoPixelAxes() {
		for (int i = -50; i <= 50; i++) {
			assertEquals(0, MirrorIndex.reflect(i, 1));
			assertEquals(Math.floorMod(i, 2), MirrorIndex.reflect(i, 2));
		}
	}

	@Test
	void farOutsideStaysInside() {
		for (int n = 1; n < 9; n++)
			for (int i = -1000; i < 1000; i += 7) {
				final int r = MirrorIndex.reflect(i, n);
				assertEquals(true, r >= 0 && r < n, "n=" + n + " i=" + i + " -> " + r);
			}
	}
}
