package org.renovo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point down: the core packages import no ImageJ or SciJava, only {@code engine} imports
 * ONNX Runtime, and {@code tiling} and {@code imaging} import nothing else of Renovo.
 */
class LayeringTest {

	private static final Path MAIN = Paths.get("src", "main", "java", "org", "renovo");
	private static final List<String> CORE = List.of("tiling", "tensor", "engine", "model", "pipeline", "error", "imaging");

	@Test
	void corePackagesStayFreeOfFiji() throws IOException {
		assertEquals(List.of(), violations(CORE, "import (static )?(ij\\.|net\\.imagej\\.|org\\.scijava\\.).*"));
	}

	@Test
	void onlyTheEngineImportsOnnxRuntime() throws IOException {
		final List<String> notEngine = new ArrayList<>(CORE);
		notEngine.remove("engine");
		notEngine.addAll(List.of("imagej", "task", "batch", "command", "cli"));
		assertEquals(List.of(), violations(notEngine, "import (static )?ai\\.onnxruntime\\..*"));
	}

	@Test
	void batchAndTasksSitBelowCommandsAndCli() throws IOException {
		// NB: the CLI and the Fiji command both drive a batch; it must not depend on either.
		assertEquals(List.of(), violations(List.of("batch", "task", "imagej"), "import (static )?org\\.renovo\\.(command|cli)\\..*"));
	}

	@Test
	void tilingIsPure() throws IOException {
		assertEquals(List.of(), violations(List.of("tiling"), "import (static )?(org\\.renovo\\.(?!tiling)|net\\.imglib2\\.|ai\\.).*"));
	}

	@Test
	void imagingIsPure() throws IOException {
		assertEquals(List.of(), violations(List.of("imaging"), "import (static )?(org\\.renovo\\.(?!imaging)|net\\.imglib2\\.|ai\\.).*"));
		// NB: stricter than tiling: float-plane operations need nothing beyond the JDK.
		assertEquals(List.of(), violations(List.of("imaging"), "import (static )?(?!java\\.).*"));
	}

	@Test
	void updateSiteToolIsApart() throws IOException {
		// NB: org.renovo.site builds the Fiji update site; the plugin never needs it at run time.
		final List<String> all = new ArrayList<>(CORE);
		all.addAll(List.of("imagej", "task", "batch", "command", "cli"));
		assertEquals(List.of(), violations(all, "import (static )?org\\.renovo\\.site\\..*"));
		assertEquals(List.of(), violations(List.of("site"), "import (static )?(?!java\\.|javax\\.xml\\.|org\\.w3c\\.dom\\.|org\\.xml\\.sax\\.).*"));
	}

	@Test
	void theCheckSeesViolations() throws IOException {
		// NB: guards the guard: the pattern must match a real import in a package that has one.
		assertEquals(true, !violations(List.of("engine"), "import ai\\.onnxruntime\\..*").isEmpty());
	}

	private static List<String> violations(final List<String> packages, final String pattern) throws IOException {
		final List<String> found = new ArrayList<>();
		for (final String pkg : packages) {
			final Path dir = MAIN.resolve(pkg);
			if (!Files.isDirectory(dir)) continue;
			try (Stream<Path> files = Files.walk(dir)) {
				for (final Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList()))
					for (final String line : Files.readAllLines(f))
						if (line.trim().matches(pattern)) found.add(f + ": " + line.trim());
			}
		}
		return found;
	}
}
