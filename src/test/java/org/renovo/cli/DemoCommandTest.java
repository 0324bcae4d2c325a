package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Arrays;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

	@TempDir
	Path dir;

	@BeforeEach
	void folders() { CliRun.useFolders(dir); }

	@AfterEach
	void clear() { CliRun.clearFolders(); }

	@Test
	void writesResultBicubicAndComparison() {
		// setup
		final Path out = dir.resolve("demo");
		// process
		final CliRun r = CliRun.run("demo", "--output-dir", out.toString());
		// test
		assertEquals(Main.OK, r.code, r.err);
		final String[] names = { "chelsea-renovo-x2.png", "chelsea-bicubic-x2.png", "chelsea-comparison.png" };
		assertEquals(Arrays.asList(names), Arrays.asList(r.out.trim().split("\\R")).stream().map(p -> Path.of(p).getFileName().toString()).collect(java.util.stream.Collectors.toList()));
		final ImagePlus renovo = CliRun.open(out.resolve(names[0])), bicubic = CliRun.open(out.resolve(names[1])), both = CliRun.open(out.resolve(names[2]));
		assertEquals(512, renovo.getWidth());
		assertEquals(340, renovo.getHeight());
		assertEquals(512, bicubic.getWidth());
		assertEquals(340, bicubic.getHeight());
		assertEquals(340, both.getHeight());
		assertEquals(ImagePlus.COLOR_RGB, both.getType());
		// NB: the sharpening step makes the model differ from plain bicubic; the centre has no label over it.
		assertNotEquals(bicubic.getProcessor().get(256, 170), renovo.getProcessor().get(256, 170));
		assertEquals(bicubic.getProcessor().get(256, 200), both.getProcessor().get(256, 200));
		assertEquals(renovo.getProcessor().get(256, 200), both.getProcessor().get(both.getWidth() - 512 + 256, 200));
	}

	@Test
	void outputFolderThatIsAFileExitsTwo() throws java.io.IOException {
		final Path file = java.nio.file.Files.write(dir.resolve("plain"), new byte[] { 1 });
		final CliRun r = CliRun.run("demo", "--output-dir", file.toString());
		assertEquals(Main.BAD_INPUT, r.code, r.err);
		assertEquals(1, r.errLines().length, r.err);
	}
}
