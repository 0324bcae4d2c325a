package org.renovo.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.UnsupportedImageException;

class ImageFilesTest {

	@TempDir
	Path dir;

	@Test
	void failedRenameLeavesNoTemporaryFile() throws IOException {
		// setup: a non-empty folder where the output should go, so the final rename fails after writing
		final Path output = Files.createDirectories(dir.resolve("taken.png"));
		Files.write(output.resolve("keep"), new byte[] { 1 });
		// process
		assertThrows(IOException.class, () -> ImageFiles.write(new ImagePlus("b", new ByteProcessor(5, 4)), output, OutputFormat.PNG));
		// test
		assertEquals(List.of("taken.png"), names(dir));
	}

	@Test
	void truncatedPngIsBadInputWithImageJsReason() throws IOException {
		final Path png = dir.resolve("half.png");
		try (var in = ImageFilesTest.class.getResourceAsStream("/org/renovo/cli/examples/chelsea.png")) {
			Files.write(png, java.util.Arrays.copyOf(in.readAllBytes(), 2000));
		}
		final UnsupportedImageException e = assertThrows(UnsupportedImageException.class, () -> ImageFiles.read(png));
		assertTrue(e.getMessage().startsWith("Cannot read " + png), e.getMessage());
		assertEquals(2, e.getMessage().split("\\R").length, e.getMessage());
		assertEquals("image-input", e.anchor());
	}

	@Test
	void aFullDiskKeepsTheSystemsReasonThatImageJPrintsSecond() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(java.nio.file.Paths.get("/dev/full")), "needs Linux /dev/full");
		// NB: ImageJ's FileSaver prints "File saving error (IOException):" first and the reason on a later line.
		final ImageJOutput<Boolean> saved = ImageJOutput.capture(() -> new ij.io.FileSaver(new ImagePlus("b", new ByteProcessor(300, 300))).saveAsTiff("/dev/full"));
		assertEquals(false, saved.value());
		assertTrue(saved.reason("?").contains("No space left on device"), saved.reason("?"));
	}

	@Test
	void writeReplacesAnExistingFile() throws IOException {
		final Path output = Files.write(dir.resolve("o.tif"), new byte[] { 1, 2 });
		ImageFiles.write(new ImagePlus("b", new ByteProcessor(5, 4)), output, OutputFormat.TIFF);
		assertEquals(5, new ij.io.Opener().openImage(output.toString()).getWidth());
		assertEquals(List.of("o.tif"), names(dir));
	}

	private static List<String> names(final Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
