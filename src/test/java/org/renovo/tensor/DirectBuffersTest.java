package org.renovo.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DirectBuffers}: what it lends, what it keeps, what it reuses. */
class DirectBuffersTest {

	@BeforeEach
	void emptyThePool() {
		DirectBuffers.clear();
	}

	@Test
	void lendsADirectNativeOrderBufferLimitedToTheRequest() {
		final FloatBuffer b = DirectBuffers.borrow(1000);
		assertTrue(b.isDirect());
		assertEquals(ByteOrder.nativeOrder(), b.order());
		assertEquals(0, b.position());
		assertEquals(1000, b.limit());
		DirectBuffers.give(b);
	}

	@Test
	void reusesTheSmallestSpareThatFits() {
		// setup: given back in mixed order
		final FloatBuffer large = DirectBuffers.borrow(70_001), small = DirectBuffers.borrow(30_001);
		DirectBuffers.give(large);
		DirectBuffers.give(small);
		// process
		final FloatBuffer a = DirectBuffers.borrow(30_000), b = DirectBuffers.borrow(30_000);
		// test
		assertSame(small, a);
		assertSame(large, b);
		assertEquals(30_000, b.limit());
		DirectBuffers.give(a);
		DirectBuffers.give(b);
	}

	@Test
	void keepsOnlyTheLargestSpares() {
		final List<FloatBuffer> lent = new ArrayList<>();
		for (int i = 1; i <= DirectBuffers.SPARES + 1; i++)
			lent.add(DirectBuffers.borrow(90_000 + i));
		lent.forEach(DirectBuffers::give);
		final FloatBuffer again = DirectBuffers.borrow(90_001);
		assertNotSame(lent.get(0), again, "the smallest was dropped");
		assertSame(lent.get(1), again);
		DirectBuffers.give(again);
	}

	@Test
	void refusesMoreThanADirectBufferHolds() {
		assertThrows(ArithmeticException.class, () -> DirectBuffers.borrow(Integer.MAX_VALUE / 2));
	}
}
