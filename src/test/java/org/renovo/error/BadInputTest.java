package org.renovo.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Regression: a bad model file or image is the user's input, so the CLI must exit 2 for it, not 1. */
class BadInputTest {

	@Test
	void modelImageAndOptionFailuresAreBadInput() {
		assertTrue(new ModelFormatException("x").isBadInput());
		assertTrue(new UnsupportedImageException("x").isBadInput());
		assertTrue(new InvalidOptionsException("x").isBadInput());
	}

	@Test
	void runtimeFailuresAreNot() {
		assertFalse(new InferenceException("x").isBadInput());
		assertFalse(new RunCancelledException("x").isBadInput());
		assertFalse(new OutputException("x").isBadInput());
	}
}
