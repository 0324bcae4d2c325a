package org.renovo.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EdgeModeTest {

	@Test
	void reflectMirrorsWithoutRepeatingTheEdge() {
		final int[] expected = { 3, 2, 1, 0, 1, 2, 3, 2, 1 };
		for (int i = -3; i <= 5; i++)
			assertEquals(expected[i + 3], EdgeMode.REFLECT.index(i, 4), "i=" + i);
	}

	@Test
	void replicateRepeatsTheEdgePixel() {
		final int[] expected = { 0, 0, 0, 1, 2, 3, 3, 3 };
		for (int i = -2; i <= 5; i++)
			assertEquals(expected[i + 2], EdgeMode.REPLICATE.index(i, 4), "i=" + i);
		assertEquals(0, EdgeMode.REPLICATE.index(-1000, 1));
		assertEquals(0, EdgeMode.REFLECT.index(1000, 1));
	}
}
