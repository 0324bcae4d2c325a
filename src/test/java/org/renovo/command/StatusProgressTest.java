package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

class StatusProgressTest {

	@Test
	void statesTileAndTimeLeft() {
		assertEquals("Renovo: tile 3/12, about 7 s left", StatusProgress.message(3, 12, 6.6));
		assertEquals("Renovo: tile 12/12, about 0 s left", StatusProgress.message(12, 12, 0));
	}

	@Test
	void omitsTheTimeLeftBeforeItIsKnown() {
		assertEquals("Renovo: tile 0/12", StatusProgress.message(0, 12, Double.NaN));
	}

	@Test
	void asksTheCommandWhetherToCancel() {
		try (Context context = new Context(StatusService.class, LogService.class)) {
			final AtomicBoolean cancelled = new AtomicBoolean();
			final StatusProgress progress = new StatusProgress(context.service(StatusService.class), context.service(LogService.class), cancelled::get);
			assertFalse(progress.isCancelled());
			cancelled.set(true);
			assertTrue(progress.isCancelled());
		}
	}
}
