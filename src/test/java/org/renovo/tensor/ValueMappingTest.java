package org.renovo.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValueMappingTest {

	@Test
	void eightBitAndRgbMapZeroTo255() {
		for (final PixelType t : new PixelType[] { PixelType.UINT8, PixelType.RGB }) {
			final ValueMapping m = ValueMapping.forType(t, 10, 20, 3, 4);
			assertEquals(0f, m.toModel(0));
			assertEquals(1f, m.toModel(255));
			assertEquals(128f, m.fromModel(m.toModel(128)), 1e-4f);
		}
	}

	@Test
	void sixteenAndThirtyTwoBitMapTheDisplayRangeAndComeBackUnclipped() {
		final ValueMapping m = ValueMapping.forType(PixelType.UINT16, 1000, 5000, 0, 65535);
		assertEquals(0f, m.toModel(1000));
		assertEquals(1f, m.toModel(5000));
		assertEquals(15f, m.toModel(61000), 1e-5f);
		assertEquals(61000f, m.fromModel(m.toModel(61000)), 0.01f);
		assertEquals(-3000f, m.fromModel(-1f), 1e-3f);
		final ValueMapping f = ValueMapping.forType(PixelType.FLOAT32, -1.5, 2.5, 0, 0);
		assertEquals(0.5f, f.toModel(0.5));
	}

	@Test
	void emptyDisplayRangeFallsBackToDataRangeThenToUnitWidth() {
		assertEquals(200.0, ValueMapping.forType(PixelType.UINT16, 0, 0, 200, 300).low());
		final ValueMapping constant = ValueMapping.forType(PixelType.FLOAT32, 5, 5, 7, 7);
		assertEquals(7.0, constant.low());
		assertEquals(8.0, constant.high());
		assertThrows(IllegalArgumentException.class, () -> ValueMapping.of(2, 2));
	}
}
