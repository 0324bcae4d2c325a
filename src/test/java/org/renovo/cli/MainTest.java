package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit codes and messages of {@link Main}: bad usage and bad input exit 2 with one line, and leave no file behind. */
class MainTest {

	@TempDir
	Path dir;
	Path input;

	@BeforeEach
	void setUp() {
		CliRun.useFolders(dir);
		input = CliRun.saveTiff(new ImagePlus("in", new ByteProcessor(8, 6)), dir.resolve("in.tif"));
	}

	@AfterEach
	void clear() { CliRun.clearFolders(); }

	@ParameterizedTest
	@ValueSource(strings = { "--bogus 1", "--tile abc", "--tile", "--tile -1", "--overlap -1", "--tile 8 --overlap 5", "--device quantum", "--model demo-x2", "stray" })
	void badUsageExitsTwoWithOneLine(final String extra) throws IOException {
		final String[] valid = { "upscale", "--model", "demo-x2", "--input", input.toString(), "--output", dir.resolve("o.png").toString() };
		assertBadInput(CliRun.run(concat(valid, extra.split(" "))));
		assertOnlyInputsLeft();
	}

	@Test
	void missingInputOptionNamesIt() {
		final CliRun r = CliRun.run("upscale", "--model", "demo-x2", "--output", dir.resolve("o.png").toString());
		assertBadInput(r);
		assertTrue(r.err.contains("--input"), r.err);
	}

	@Test
	void missingInputFileExitsTwo() throws IOException {
		final CliRun r = upscale("demo-x2", dir.resolve("nothere.png"), dir.resolve("o.png"));
		assertBadInput(r);
		assertTrue(r.err.contains("nothere.png"), r.err);
		assertOnlyInputsLeft();
	}

	@Test
	void fileOfAnotherFormatExitsTwo() throws IOException {
		final Path text = Files.write(dir.resolve("notes.png"), "not an image".getBytes("UTF-8"));
		assertBadInput(upscale("demo-x2", text, dir.resolve("o.png")));
	}

	@Test
	void corruptModelExitsTwoAndNamesTheFile() throws IOException {
		final byte[] garbage = new byte[4096];
		new Random(1).nextBytes(garbage);
		final Path model = Files.write(dir.resolve("broken.onnx"), garbage);
		final CliRun r = upscale(model.toString(), input, dir.resolve("o.png"));
		assertBadInput(r);
		assertTrue(r.errLines()[0].contains("broken.onnx"), r.err);
		assertEquals("See README.md#model-format", r.errLines()[1]);
		assertOnlyInputsLeft("broken.onnx");
	}

	@Test
	void unknownModelIdExitsTwo() throws IOException {
		assertBadInput(upscale("no-such-model", input, dir.resolve("o.png")));
		assertOnlyInputsLeft();
	}

	@ParameterizedTest
	@ValueSource(strings = { "o.bmp", "o", "missing-folder/o.png", "." })
	void unwritableOrUnsupportedOutputExitsTwo(final String output) throws IOException {
		assertBadInput(upscale("demo-x2", input, dir.resolve(output)));
		assertOnlyInputsLeft();
	}

	@Test
	void outputThatIsTheInputIsRefusedAndTheInputKept() throws IOException {
		final byte[] before = Files.readAllBytes(input);
		final CliRun r = upscale("demo-x2", input, dir.resolve(".").resolve("in.tif"));
		assertBadInput(r);
		assertArrayEquals(before, Files.readAllBytes(input));
	}

	@Test
	void floatToPngOrJpegIsRefusedWithTifSuggested() throws IOException {
		final Path f32 = CliRun.saveTiff(new ImagePlus("f", new FloatProcessor(4, 4)), dir.resolve("f.tif"));
		for (final String out : new String[] { "o.png", "o.jpg" }) {
			final CliRun r = upscale("demo-x2", f32, dir.resolve(out));
			assertBadInput(r);
			assertTrue(r.err.contains(".tif"), r.err);
		}
		assertOnlyInputsLeft("f.tif");
	}

	@Test
	void sixteenBitJpegAndStackPngAreRefused() throws IOException {
		final Path s16 = CliRun.saveTiff(new ImagePlus("s", new ShortProcessor(4, 4)), dir.resolve("s.tif"));
		assertBadInput(upscale("demo-x2", s16, dir.resolve("o.jpeg")));
		final ImageStack stack = new ImageStack(4, 4);
		stack.addSlice(new ByteProcessor(4, 4));
		stack.addSlice(new ByteProcessor(4, 4));
		final Path planes = CliRun.saveTiff(new ImagePlus("two", stack), dir.resolve("two.tif"));
		assertBadInput(upscale("demo-x2", planes, dir.resolve("o.png")));
		assertOnlyInputsLeft("s.tif", "two.tif");
	}

	@Test
	void helpGoesToStandardOutputAndExitsZero() {
		for (final String[] args : new String[][] { { "--help" }, { "-h" }, { "upscale", "--help" }, { "demo", "--help" }, { "upscale", "--bogus", "-h" } }) {
			final CliRun r = CliRun.run(args);
			assertEquals(Main.OK, r.code, Arrays.toString(args));
			assertTrue(r.out.startsWith("Usage: renovo"), r.out);
			assertEquals("", r.err);
		}
	}

	@Test
	void noOrUnknownCommandExitsTwo() {
		assertBadInput(CliRun.run());
		assertBadInput(CliRun.run("sharpen"));
	}

	// -- Helper methods --

	private static CliRun upscale(final String model, final Path in, final Path out) {
		return CliRun.run("upscale", "--model", model, "--input", in.toString(), "--output", out.toString(), "--device", "cpu");
	}

	/** Exit 2, nothing on stdout, one line of reason on stderr, then at most the README anchor line. */
	private static void assertBadInput(final CliRun r) {
		assertEquals(Main.BAD_INPUT, r.code, r.err);
		assertEquals("", r.out);
		final String[] lines = r.errLines();
		assertTrue(lines.length == 1 || lines.length == 2 && lines[1].startsWith("See README.md#"), r.err);
		assertTrue(lines[0].startsWith("renovo: "), r.err);
	}

	/** Nothing but the inputs (and the models and cache folders) is in the temporary folder. */
	private void assertOnlyInputsLeft(final String... others) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			final List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("models") && !n.equals("cache")).sorted().collect(Collectors.toList());
			final List<String> expected = Stream.concat(Stream.of("in.tif"), Stream.of(others)).sorted().collect(Collectors.toList());
			assertEquals(expected, names);
		}
	}

	private static String[] concat(final String[] a, final String[] b) {
		return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
	}
}
