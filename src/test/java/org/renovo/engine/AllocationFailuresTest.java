package org.renovo.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ONNX Runtime's out-of-memory messages, as its allocators word them, and messages that are not. */
class AllocationFailuresTest {

	@Test
	void recognisesTheAllocatorsMessages() {
		assertTrue(AllocationFailures.matches("Error code - ORT_RUNTIME_EXCEPTION - message: Failed to allocate memory for requested buffer of size 4294967296"));
		assertTrue(AllocationFailures.matches("Error code - ORT_FAIL - message: std::bad_alloc"));
		assertTrue(AllocationFailures.matches("BFCArena::AllocateRawInternal Available memory of 1048576 is smaller than requested bytes of 2097152"));
		assertTrue(AllocationFailures.matches("CUDA failure 2: out of memory ; GPU=0"));
		assertFalse(AllocationFailures.matches("Non-zero status code returned while running Conv node. Invalid input shape: {3,2}"));
		assertFalse(AllocationFailures.matches(null));
	}
}
