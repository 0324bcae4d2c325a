package org.renovo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.renovo.error.InvalidOptionsException;

class ScalePlanTest {

	@Test
	void nativeFactorIsOneRun() {
		final ScalePlan p = ScalePlan.of(4, 100, 50, List.of(4));
		assertEquals(List.of(4), p.factors());
		assertFalse(p.resamples());
		assertEquals(400, p.outputWidth());
		assertEquals(200, p.outputHeight());
	}

	@Test
	void sixIsTwoThenThree() {
		assertEquals(List.of(2, 3), ScalePlan.of(6, 10, 10, List.of(2, 3, 4)).factors());
	}

	@Test
	void exactChainsBeatFewerInexactRuns() {
		// 8 = 2x2x2 exactly with x2 alone; 16 with x4 alone would need resampling
		assertEquals(List.of(2, 2, 2), ScalePlan.of(8, 10, 10, List.of(2)).factors());
		assertEquals(List.of(2, 4), ScalePlan.of(8, 10, 10, List.of(2, 4)).factors());
		assertEquals(List.of(4, 4), ScalePlan.of(16, 10, 10, List.of(2, 4)).factors());
	}

	@Test
	void otherScalesRunTheNearestLargerProductAndResample() {
		final ScalePlan p = ScalePlan.of(3, 101, 37, List.of(4));
		assertEquals(List.of(4), p.factors());
		assertTrue(p.resamples());
		assertEquals(404, p.modelWidth());
		assertEquals(303, p.outputWidth());
		assertEquals(111, p.outputHeight());
		assertEquals(List.of(2), ScalePlan.of(1.5, 10, 10, List.of(2, 4)).factors());
		assertEquals(15, ScalePlan.of(1.5, 10, 10, List.of(2, 4)).outputWidth());
		// 5: 2x4 = 8 in two runs, before 2x2x2 = 8 in three
		assertEquals(List.of(2, 4), ScalePlan.of(5, 10, 10, List.of(2, 4)).factors());
		assertEquals("scale 5: 2x then 4x, then resampled 80x80 -> 50x50", ScalePlan.of(5, 10, 10, List.of(2, 4)).describe());
	}

	@Test
	void outOfRangeScalesAreRefusedWithTheRange() {
		assertTrue(assertThrows(InvalidOptionsException.class, () -> ScalePlan.of(1, 10, 10, List.of(2))).getMessage().contains("above 1"));
		assertThrows(InvalidOptionsException.class, () -> ScalePlan.of(0.5, 10, 10, List.of(2)));
		assertThrows(InvalidOptionsException.class, () -> ScalePlan.of(17, 10, 10, List.of(2)));
		assertThrows(InvalidOptionsException.class, () -> ScalePlan.of(Double.NaN, 10, 10, List.of(2)));
		assertThrows(InvalidOptionsException.class, () -> ScalePlan.of(2, 10, 10, List.of(1)));
		// 16 with x2 alone needs 4 runs
		assertTrue(assertThrows(InvalidOptionsException.class, () -> ScalePlan.of(16, 10, 10, List.of(2))).getMessage().contains("smaller scale"));
	}
}
