package org.renovo.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;

import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.model.ModelRegistry;
import org.renovo.model.onnx.ModelCost;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.tensor.TileReader;
import org.renovo.tiling.ModelGeometry;
import org.renovo.tiling.Tile;
import org.renovo.tiling.TilePlan;
import org.renovo.tiling.TilePlanner;
import org.renovo.pipeline.TileSizePolicy;

/**
 * The real models on a 1-megapixel output: throughput, achieved GFLOP/s against the machine's MatMul
 * rate, pure ONNX Runtime on the same tiles, the pipeline's overhead, peak heap, and a tile-size sweep.
 * Run by {@code bench/run models}; see {@code bench/README.md}.
 * <pre>
 * --models realesrgan-x4plus,realesrgan-x4fast,realesr-animevideov3-x2
 * --output-side 1024    output side (1024: 1 MP)
 * --reps 3              measured repetitions after one warm-up
 * --tiles 128,192,256,320,384,512   tile sizes of the sweep, plus the automatic one (0: no sweep)
 * --sweep-output-side 2048          output side of the sweep's image (4 MP)
 * --matmul 4096         side of the reference MatMul (long enough to be steady)
 * --out bench/results
 * </pre>
 */
public final class ModelBenchmark {

	private ModelBenchmark() {}

	public static void main(final String[] args) throws Exception {
		final Map<String, String> a = options(args);
		final Path models = Paths.get(a.getOrDefault("--models-dir", System.getProperty("renovo.models", System.getenv().getOrDefault("RENOVO_MODELS", System.getProperty("user.home") + "/.renovo/models"))));
		final Path work = Files.createDirectories(Paths.get("bench", "target"));
		final Csv csv = new Csv();
		final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		final double matmul = MatMulLimit.gflops(work, Integer.parseInt(a.getOrDefault("--matmul", "4096")), 5);
		System.out.printf(Locale.ROOT, "machine: %d cores; MatMul %s: %.1f GFLOP/s (the practical limit)%n", Runtime.getRuntime().availableProcessors(), a.getOrDefault("--matmul", "4096"), matmul);
		csv.note("matmul_gflops", String.valueOf(matmul));
		final List<String[]> rows = new ArrayList<>();
		final Map<String, Map<Integer, Double>> sweeps = new LinkedHashMap<>();
		try (TimedEngine engine = new TimedEngine(new OrtInferenceEngine())) {
			final ModelRegistry registry = new ModelRegistry(models, work.resolve("cache"));
			final GeometryResolver geometries = new GeometryResolver(work.resolve("cache"));
			final RestorationPipeline pipeline = new RestorationPipeline(engine, geometries);
			for (final String id : a.getOrDefault("--models", "realesrgan-x4plus,realesrgan-x4fast,realesr-animevideov3-x2").split(",")) {
				final Model model = registry.resolve(id);
				final ModelGeometry geometry = geometries.geometry(model, engine.session(model.file(), DeviceChoice.CPU));
				final ModelCost cost = ModelCost.of(model.file());
				final int side = Integer.parseInt(a.getOrDefault("--output-side", "1024")) / geometry.scale();
				final RgbImage image = RgbImage.random(side, side, 7);
				final RunOptions options = RunOptions.defaults().withDevice(DeviceChoice.CPU);
				final TilePlan plan = pipeline.plan(image.width(), image.height(), model, geometry, options);
				final int halo = TilePlanner.plan(image.width(), image.height(), geometry, model.padding(), options.tiles()).halo();
				final int tile = TileSizePolicy.choose(cost, halo, options.memoryBudget(), image.width(), image.height(), TileSizePolicy.heapPerCoreRow(geometry.scale(), image.width(), 3)).size();
				final int reps = Integer.parseInt(a.getOrDefault("--reps", "3"));
				final Figures f = measure(pipeline, engine, model, image, options, plan, reps);
				final double outPx = (double) side * side * geometry.scale() * geometry.scale();
				final double workFlops = cost.flopsPerInputPixel() * sourcePixels(plan);
				final double overhead = 100 * (f.e2e - f.pure) / f.e2e;
				final double achieved = workFlops / f.pure / 1e9;
				rows.add(new String[] { id, String.valueOf(tile), String.valueOf(plan.tiles().size()), fmt("%.2f", outPx / f.e2e / 1e6), fmt("%.1f", achieved),
					fmt("%.0f%%", 100 * achieved / matmul), fmt("%.2f", f.e2e), fmt("%.2f", f.pure), fmt("%.2f%%", overhead), fmt("%.2f%%", f.outside), fmt("%.0f", f.heapMb) });
				for (final String[] m : new String[][] { { "e2e_s", "" + f.e2e }, { "pure_ort_s", "" + f.pure }, { "overhead_pct", "" + overhead }, { "outside_engine_pct", "" + f.outside },
					{ "output_mpx_per_s", "" + outPx / f.e2e / 1e6 }, { "achieved_gflops", "" + achieved }, { "gflop_per_input_px", "" + cost.flopsPerInputPixel() / 1e9 }, { "peak_heap_mb", "" + f.heapMb } })
					csv.add(id, side, tile, plan.tiles().size(), 0, m[0], Double.parseDouble(m[1]));
				final String tiles = a.getOrDefault("--tiles", "128,192,256,320,384,512");
				final int sweepSide = Integer.parseInt(a.getOrDefault("--sweep-output-side", "2048")) / geometry.scale();
				final RgbImage large = RgbImage.random(sweepSide, sweepSide, 8);
				final int largeTile = TileSizePolicy.choose(cost, halo, options.memoryBudget(), large.width(), large.height(), TileSizePolicy.heapPerCoreRow(geometry.scale(), large.width(), 3)).size();
				if (!tiles.equals("0")) sweeps.put(id, sweep(pipeline, model, geometry, large, withChosen(tiles, largeTile), csv, id, (double) sweepSide * sweepSide * geometry.scale() * geometry.scale(), largeTile));
			}
		}
		table(rows, matmul);
		final Path out = Files.createDirectories(Paths.get(a.getOrDefault("--out", "bench/results")));
		csv.write(out.resolve("models-" + stamp + ".csv"));
		if (!sweeps.isEmpty()) SweepPlot.write(sweeps, out.resolve("tile-sweep-" + stamp + ".png"));
		System.out.println("\nCSV: " + out.resolve("models-" + stamp + ".csv") + (sweeps.isEmpty() ? "" : "\nplot: " + out.resolve("tile-sweep-" + stamp + ".png")));
	}

	/** Medians of end-to-end and pure ONNX Runtime time on the same tiles, and one peak-heap run. */
	private static Figures measure(final RestorationPipeline pipeline, final TimedEngine engine, final Model model, final RgbImage image, final RunOptions options, final TilePlan plan, final int reps) throws Exception {
		final List<Double> e2e = new ArrayList<>(), pure = new ArrayList<>(), outside = new ArrayList<>();
		final long[][] shapes = new long[plan.tiles().size()][];
		final List<FloatBuffer> inputs = tileInputs(image, plan, shapes);
		try (PureOrt ort = new PureOrt(model.file())) {
			final List<OnnxTensor> tensors = new ArrayList<>();
			for (int i = 0; i < inputs.size(); i++) tensors.add(ort.tensor(inputs.get(i), shapes[i]));
			pipeline.run(image, model, options, new KeepingSink(), RunMonitor.NONE);
			ort.seconds(tensors);
			for (int r = 0; r < reps; r++) {
				Rig.settle();
				engine.takeSeconds();
				final long start = System.nanoTime();
				pipeline.run(image, model, options, new KeepingSink(), RunMonitor.NONE);
				final double s = (System.nanoTime() - start) / 1e9;
				e2e.add(s);
				outside.add(100 * (s - engine.takeSeconds()) / s);
				Rig.settle();
				pure.add(ort.seconds(tensors));
			}
			for (final OnnxTensor t : tensors) t.close();
		}
		final double heap;
		try (HeapMeter meter = HeapMeter.start()) {
			pipeline.run(image, model, options, new KeepingSink(), RunMonitor.NONE);
			meter.stop();
			heap = meter.peakBytes() / 1e6;
		}
		return new Figures(Stats.of(e2e).median, Stats.of(pure).median, Stats.of(outside).median, heap);
	}

	private static Map<Integer, Double> sweep(final RestorationPipeline pipeline, final Model model, final ModelGeometry geometry, final RgbImage image, final String tiles,
		final Csv csv, final String id, final double outPx, final int chosen)
	{
		final Map<Integer, Double> mpPerS = new LinkedHashMap<>();
		System.out.printf(Locale.ROOT, "%n== %s: tile sweep on %dx%d (output %.1f MP), one run each after a warm-up ==%n", id, image.width(), image.height(), outPx / 1e6);
		for (final int t : Arrays.stream(tiles.split(",")).mapToInt(Integer::parseInt).toArray()) {
			final RunOptions options = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(org.renovo.tiling.TileOptions.defaults().withTileSize(t));
			pipeline.run(image, model, options, new KeepingSink(), RunMonitor.NONE);
			Rig.settle();
			final long start = System.nanoTime();
			pipeline.run(image, model, options, new KeepingSink(), RunMonitor.NONE);
			final double s = (System.nanoTime() - start) / 1e9;
			mpPerS.put(t, outPx / s / 1e6);
			csv.add("sweep-" + id, image.width(), t, 0, 1, "output_mpx_per_s", outPx / s / 1e6);
			System.out.printf(Locale.ROOT, "  tile %4d: %.3f output MP/s%s%n", t, outPx / s / 1e6, t == chosen ? "  <- default" : "");
		}
		final double best = mpPerS.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
		final int bestTile = mpPerS.entrySet().stream().filter(e -> e.getValue() == best).findFirst().get().getKey();
		System.out.printf(Locale.ROOT, "  best tile %d; the default (%d, chosen from the model's cost) reaches %s of it%n", bestTile, chosen,
			mpPerS.containsKey(chosen) ? fmt("%.0f%%", 100 * mpPerS.get(chosen) / best) : "(not in the sweep)");
		csv.add("sweep-" + id, image.width(), chosen, 0, 0, "default_share_of_best_pct", 100 * mpPerS.get(chosen) / best);
		return mpPerS;
	}

	/** The sweep's tile sizes, with the automatic choice among them, ascending. */
	private static String withChosen(final String tiles, final int chosen) {
		final java.util.TreeSet<Integer> sizes = new java.util.TreeSet<>();
		for (final String t : tiles.split(",")) sizes.add(Integer.parseInt(t.trim()));
		sizes.add(chosen);
		return sizes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
	}

	private static List<FloatBuffer> tileInputs(final RgbImage image, final TilePlan plan, final long[][] shapes) {
		final List<FloatBuffer> list = new ArrayList<>();
		try (TileReader reader = new TileReader()) {
			int i = 0;
			for (final Tile t : plan.tiles()) {
				final FloatBuffer src = reader.read(image.components(0), t.source(), image.mapping(0), plan.padding().edge());
				final FloatBuffer copy = ByteBuffer.allocateDirect(src.remaining() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
				copy.put(src).flip();
				list.add(copy);
				shapes[i++] = new long[] { 1, 3, t.source().height(), t.source().width() };
			}
		}
		return list;
	}

	private static double sourcePixels(final TilePlan plan) {
		double n = 0;
		for (final Tile t : plan.tiles()) n += (double) t.source().width() * t.source().height();
		return n;
	}

	private static void table(final List<String[]> rows, final double matmul) {
		final String[] head = { "model", "tile", "tiles", "out MP/s", "GFLOP/s", "of MatMul", "e2e s", "pure ORT s", "overhead", "outside eng.", "peak heap MB" };
		System.out.printf(Locale.ROOT, "%n== 1 MP output, default options, CPU; MatMul limit %.1f GFLOP/s ==%n", matmul);
		final String format = "%-26s %5s %6s %9s %8s %10s %7s %11s %9s %13s %13s%n";
		System.out.printf(Locale.ROOT, format, (Object[]) head);
		for (final String[] r : rows) System.out.printf(Locale.ROOT, format, (Object[]) r);
	}

	private static String fmt(final String format, final double v) {
		return String.format(Locale.ROOT, format, v);
	}

	private static Map<String, String> options(final String[] args) {
		if (args.length % 2 != 0) throw new IllegalArgumentException("Options come in pairs, --name value; got " + Arrays.toString(args));
		final Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i += 2) m.put(args[i], args[i + 1]);
		return m;
	}

	private static final class Figures {
		final double e2e, pure, outside, heapMb;

		Figures(final double e2e, final double pure, final double outside, final double heapMb) {
			this.e2e = e2e;
			this.pure = pure;
			this.outside = outside;
			this.heapMb = heapMb;
		}
	}
}
