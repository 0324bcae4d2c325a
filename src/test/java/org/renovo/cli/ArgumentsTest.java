package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

	private static final List<String> OPTIONS = Arrays.asList("--input", "--tile");

	@Test
	void readsSpaceAndEqualsForms() {
		final Arguments a = Arguments.parse("x", new String[] { "--input", "a b.png", "--tile=64" }, OPTIONS);
		assertEquals("a b.png", a.required("--input"));
		assertEquals(64, a.integer("--tile", 256));
	}

	@Test
	void absentOptionsTakeTheFallback() {
		final Arguments a = Arguments.parse("x", new String[0], OPTIONS);
		assertEquals(256, a.integer("--tile", 256));
		assertFalse(a.value("--input").isPresent());
		assertTrue(assertThrows(UsageException.class, () -> a.required("--input")).getMessage().contains("--input"));
	}

	@Test
	void refusesWhatItCannotRead() {
		for (final String[] args : new String[][] { { "--input" }, { "--input", "--tile", "3" }, { "--tile", "1", "--tile", "2" }, { "file.png" }, { "--nope", "1" } })
			assertThrows(UsageException.class, () -> Arguments.parse("x", args, OPTIONS), Arrays.toString(args));
		final Arguments a = Arguments.parse("x", new String[] { "--tile", "12px" }, OPTIONS);
		assertTrue(assertThrows(UsageException.class, () -> a.integer("--tile", 1)).getMessage().contains("'12px'"));
	}

	@Test
	void helpIsFoundAnywhere() {
		assertTrue(Arguments.wantsHelp(new String[] { "--bogus", "--help" }));
		assertTrue(Arguments.wantsHelp(new String[] { "-h" }));
		assertFalse(Arguments.wantsHelp(new String[] { "--input", "help.png" }));
	}
}
