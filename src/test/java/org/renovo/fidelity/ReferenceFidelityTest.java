package org.renovo.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.tensor.Quantizer;
import org.renovo.testing.PngImages;
import org.renovo.testing.RealModels;
import org.renovo.testing.TestImages;
import org.renovo.tiling.TileOptions;

/**
 * Every run in {@code ../shared/reference/manifest.json}, reproduced by Renovo from the converted ncnn
 * model in one tile (as the references were made) and compared with the original program's PNG:
 * PSNR ≥ 45 dB. Real-CUGAN is held to it on chelsea only (the reference README's caveat: its two
 * configurations disagree on astronaut); its astronaut figures are recorded, not asserted. Each result
 * is appended to {@code target/fidelity-report.tsv}. Skips when the references or the models
 * ({@code models/fetch}) are absent.
 */
class ReferenceFidelityTest {

	static final double REQUIRED_PSNR = 45;
	private static final Path REPORT = Path.of("target", "fidelity-report.tsv");
	private static OrtInferenceEngine engine;

	@BeforeAll
	static void open() {
		engine = new OrtInferenceEngine();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	static List<Arguments> runs() throws IOException {
		final Path manifest = RealModels.referenceDirectory().resolve("manifest.json");
		final List<Arguments> runs = new ArrayList<>();
		if (!Files.isRegularFile(manifest)) {
			runs.add(Arguments.of("no references in " + RealModels.referenceDirectory(), "", "", "", false));
			return runs;
		}
		try (Reader in = Files.newBufferedReader(manifest)) {
			for (final JsonElement e : JsonParser.parseReader(in).getAsJsonObject().getAsJsonArray("runs")) {
				final JsonObject run = e.getAsJsonObject();
				final String id = modelId(run.get("tool").getAsString(), run.get("model").getAsString());
				final String input = run.get("input").getAsString(), output = run.get("output").getAsString();
				final boolean asserted = !(id.startsWith("realcugan") && input.contains("astronaut"));
				runs.add(Arguments.of(id + " on " + Path.of(output).getFileName(), id, input, output, asserted));
			}
		}
		return runs;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("runs")
	void reproducesTheOriginalProgram(final String name, final String id, final String input, final String output, final boolean asserted) throws IOException {
		assumeTrue(!id.isEmpty(), name);
		assumeTrue(RealModels.installed(id), "model " + id + " is not installed in " + RealModels.modelsDirectory() + ": run models/fetch");
		// setup
		final Path reference = RealModels.referenceDirectory();
		final Model model = new ModelRegistry(RealModels.modelsDirectory()).resolve(id);
		final int[] size = PngImages.size(reference.resolve(input));
		final RunOptions oneTile = RunOptions.defaults().withDevice(DeviceChoice.CPU)
			.withTiles(TileOptions.defaults().withTileSize(Math.max(size[0], size[1]) + 8).withOverlap(0));
		final RestorationPipeline pipeline = new RestorationPipeline(engine, new GeometryResolver(Path.of("target", "test-cache")));
		// process
		final long start = System.nanoTime();
		final TestImages.Collector out = new TestImages.Collector();
		pipeline.run(PngImages.read(reference.resolve(input)), model, oneTile, out, RunMonitor.NONE);
		final double seconds = (System.nanoTime() - start) / 1e9;
		// test
		final int[][] expected = PngImages.planes(reference.resolve(output));
		assertEquals(expected[0].length, out.planes.get(0)[0].length, "output size");
		final double psnr = psnr8(expected, out.planes.get(0));
		report(String.format(Locale.ROOT, "%s\t%s\t%.2f\t%d\t%.1f\t%s%n", id, Path.of(output).getFileName(), psnr, maxDiff8(expected, out.planes.get(0)), seconds, asserted ? "asserted" : "recorded only"));
		if (asserted) assertTrue(psnr >= REQUIRED_PSNR, id + " on " + input + ": PSNR " + psnr + " dB against " + output);
	}

	/** The manifest's (tool, model) as a Renovo model id. */
	static String modelId(final String tool, final String model) {
		if (tool.startsWith("realcugan")) return "realcugan-" + model;
		if (tool.startsWith("waifu2x")) return "waifu2x-" + model.replace('/', '-').replace("_model", "");
		return model;
	}

	private static double psnr8(final int[][] expected, final float[][] actual) {
		double se = 0;
		int n = 0;
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < expected[c].length; i++, n++) {
				final double d = quantize(actual[c][i]) - expected[c][i];
				se += d * d;
			}
		return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 * n / se);
	}

	private static int maxDiff8(final int[][] expected, final float[][] actual) {
		int max = 0;
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < expected[c].length; i++)
				max = Math.max(max, Math.abs(quantize(actual[c][i]) - expected[c][i]));
		return max;
	}

	/** What Renovo writes into an 8-bit image: {@code clip(floor(v + 0.5))}. */
	private static int quantize(final float v) {
		return Quantizer.toUnsigned8(new float[] { v })[0] & 0xff;
	}

	static void report(final String line) throws IOException {
		Files.createDirectories(REPORT.getParent());
		Files.write(REPORT, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}
}
