package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ConsoleMonitorTest {

	@Test
	void progressAtMostOncePerSecond() {
		// setup
		final AtomicLong now = new AtomicLong();
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final ConsoleMonitor monitor = new ConsoleMonitor(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
		// process: ticks at 0.5, 1.0, 1.5, 2.2, 2.3 s
		for (final long ms : new long[] { 500, 1000, 1500, 2200, 2300 }) {
			now.set(ms * 1_000_000L);
			monitor.progress((int) (ms / 100), 30, 4.0);
		}
		// test
		assertEquals("Renovo: 10 of 30 tiles, about 4 s left\nRenovo: 22 of 30 tiles, about 4 s left\n", bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
	}
}
