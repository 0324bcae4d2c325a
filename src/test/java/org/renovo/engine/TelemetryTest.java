package org.renovo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.renovo.testing.TinyModels;

/**
 * No usage data: after a real inference, no ONNX Runtime telemetry files exist under the user's home.
 * Surefire gives each run a fresh HOME (target/test-home) and does NOT set ORT_DISABLE_TELEMETRY, so
 * this fails for ONNX Runtime 1.29.0, which writes ~/.cache/Microsoft/DeveloperTools on start.
 */
class TelemetryTest {

	@Test
	void inferenceLeavesNoTelemetryFilesUnderHome() throws IOException {
		final Path home = Paths.get(System.getenv("HOME"));
		assertTrue(home.toString().endsWith("test-home"), "the surefire configuration must give tests a private HOME, got " + home);
		assertEquals(null, System.getenv("ORT_DISABLE_TELEMETRY"), "the test must not rely on the environment switch");
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			engine.session(TinyModels.conv(3, 3), DeviceChoice.AUTO).run(OrtInferenceEngineTest.direct(3 * 8 * 8), new long[] { 1, 3, 8, 8 });
		}
		assertEquals(List.of(), telemetryFiles(home));
	}

	private static long modified(final Path p) {
		try {
			return Files.getLastModifiedTime(p).toMillis();
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static List<Path> telemetryFiles(final Path home) throws IOException {
		if (!Files.exists(home)) return List.of();
		// NB: only files written by this JVM count, so an old build's leftovers in target/ cannot confuse it.
		final long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() - 2000;
		try (Stream<Path> all = Files.walk(home)) {
			return all.filter(p -> {
				final String s = p.toString().toLowerCase();
				return s.contains("microsoft") || s.contains("onnxruntime") || s.contains("developertools");
			}).filter(p -> modified(p) >= start).collect(Collectors.toList());
		}
	}
}
