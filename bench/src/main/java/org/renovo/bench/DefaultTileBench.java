package org.renovo.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;

import org.renovo.pipeline.RunOptions;
import org.renovo.tensor.TensorLayout;
import org.renovo.tensor.TileReader;
import org.renovo.tiling.Tile;
import org.renovo.tiling.TileOptions;
import org.renovo.tiling.TilePlan;

/**
 * The measurement for one image size at the default options: (a) end-to-end
 * {@code RestorationPipeline.run}, (b) bare ONNX Runtime on exactly the plan's tiles, (c) their
 * difference, (d) peak heap; plus a step-by-step breakdown, to say where any overhead goes. Each
 * repetition runs all three, one after the other, so slow phases of a shared machine hit them alike.
 */
final class DefaultTileBench {

	/** NB: the heap is measured in runs of its own, after a forced collection that would spoil a timing. */
	private static final int HEAP_RUNS = 3;

	private final Rig rig;
	private final RgbImage image;
	private final RunOptions options;
	private final TilePlan plan;
	private final long[] shape;
	private final List<FloatBuffer> inputs;
	private final Map<String, List<Double>> figures = new LinkedHashMap<>();

	DefaultTileBench(final Rig rig, final int size, final long seed) {
		this.rig = rig;
		this.image = RgbImage.random(size, size, seed);
		this.options = Rig.options(TileOptions.DEFAULT_TILE_SIZE);
		this.plan = rig.plan(image, options);
		this.shape = TensorLayout.shape(3, plan.sourceHeight(), plan.sourceWidth());
		this.inputs = tileInputs();
	}

	/** Warms up once, then measures {@code reps} times; prints and records the figures. */
	void run(final int reps) throws OrtException {
		System.out.printf(Locale.ROOT, "%n== %dx%d RGB -> %.1f MP output, %s, %d tile(s) of %dx%d ==%n", image.width(), image.height(),
			image.outputMegapixels(4), options.tiles(), plan.tiles().size(), plan.sourceWidth(), plan.sourceHeight());
		final List<OnnxTensor> tensors = rig.ort.tensors(inputs, shape);
		try {
			repetition(tensors, -1);
			for (int r = 0; r < reps; r++)
				repetition(tensors, r);
			for (int r = 0; r < HEAP_RUNS; r++)
				heap(r);
		}
		finally {
			for (final OnnxTensor t : tensors)
				t.close();
		}
		print();
	}

	/** NB: odd repetitions run the bare passes first, so an order effect cancels in the medians. */
	private void repetition(final List<OnnxTensor> tensors, final int rep) throws OrtException {
		final boolean bareFirst = rep % 2 != 0;
		double pure = bareFirst ? pure(tensors) : Double.NaN;
		final Rig.EndToEnd e = rig.endToEnd(image, options);
		if (!bareFirst) pure = pure(tensors);
		Rig.settle();
		final Map<Breakdown.Step, Double> steps = Breakdown.measure(image, plan, rig.ort);
		if (rep < 0) return;
		record(rep, "e2e_s", e.seconds);
		record(rep, "pure_ort_s", pure);
		record(rep, "overhead_s", e.seconds - pure);
		record(rep, "overhead_pct", 100 * (e.seconds - pure) / e.seconds);
		record(rep, "engine_in_run_s", e.engineSeconds);
		record(rep, "outside_engine_in_run_s", e.seconds - e.engineSeconds);
		record(rep, "outside_engine_in_run_pct", 100 * (e.seconds - e.engineSeconds) / e.seconds);
		record(rep, "allocated_mb", e.allocatedMb);
		for (final Map.Entry<Breakdown.Step, Double> s : steps.entrySet())
			record(rep, "step_" + s.getKey().name().toLowerCase(Locale.ROOT) + "_s", s.getValue());
		record(rep, "steps_outside_ort_pct", 100 * Breakdown.outsideOrt(steps));
		System.out.printf(Locale.ROOT, "  rep %d: e2e %.3f s, pure ORT %.3f s, a-b %+.1f%%, outside engine %.4f s, replay outside ORT %.2f%%%n",
			rep + 1, e.seconds, pure, 100 * (e.seconds - pure) / e.seconds, e.seconds - e.engineSeconds, 100 * Breakdown.outsideOrt(steps));
	}

	private void heap(final int rep) {
		final Rig.EndToEnd e = rig.heap(image, options);
		record(rep, "peak_heap_mb", e.peakMb);
		record(rep, "heap_before_run_mb", e.baselineMb);
	}

	private double pure(final List<OnnxTensor> tensors) throws OrtException {
		Rig.settle();
		return rig.ort.seconds(tensors);
	}

	private void record(final int rep, final String metric, final double value) {
		figures.computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
		rig.csv.add("default", image.width(), options.tiles().tileSize(), plan.tiles().size(), rep + 1, metric, value);
	}

	/** Every tile's input as the pipeline reads it, each in its own direct buffer. */
	private List<FloatBuffer> tileInputs() {
		final TileReader reader = new TileReader();
		final List<FloatBuffer> list = new ArrayList<>();
		for (final Tile t : plan.tiles()) {
			final FloatBuffer src = reader.read(image.components(0), t.source(), image.mapping(0));
			final FloatBuffer copy = ByteBuffer.allocateDirect(src.remaining() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
			copy.put(src).flip();
			list.add(copy);
		}
		return list;
	}

	private void print() {
		final double e2e = stats("e2e_s").median, pure = stats("pure_ort_s").median;
		System.out.printf(Locale.ROOT, "  (a) end-to-end            %s s  = %.3f s/MP%n", stats("e2e_s").show("%.3f"), e2e / image.outputMegapixels(4));
		System.out.printf(Locale.ROOT, "  (b) pure ONNX Runtime     %s s%n", stats("pure_ort_s").show("%.3f"));
		System.out.printf(Locale.ROOT, "  (c) overhead a-b          %.4f s = %.2f%% of (a) (medians); %.2f%% (minima); per repetition %s %%%n", e2e - pure, 100 * (e2e - pure) / e2e,
			minimaPct(), stats("overhead_pct").show("%+.2f"));
		System.out.printf(Locale.ROOT, "      engine in the run     %s s; outside the engine %s s = %s %% of (a)%n", stats("engine_in_run_s").show("%.3f"), stats("outside_engine_in_run_s").show("%.4f"),
			stats("outside_engine_in_run_pct").show("%.2f"));
		System.out.printf(Locale.ROOT, "  (d) peak heap             %s MB in %d runs after a full collection (heap before the run %s MB); allocated per run %s MB%n",
			stats("peak_heap_mb").show("%.0f"), HEAP_RUNS, stats("heap_before_run_mb").show("%.0f"), stats("allocated_mb").show("%.0f"));
		System.out.println("  breakdown, one plane replayed step by step (median [min–max] ms):");
		for (final Breakdown.Step s : Breakdown.Step.values())
			System.out.printf(Locale.ROOT, "      %-32s %s%n", s.label, scaled(stats("step_" + s.name().toLowerCase(Locale.ROOT) + "_s")));
		System.out.printf(Locale.ROOT, "      steps other than OrtSession.run: %s %% of the replayed plane%n", stats("steps_outside_ort_pct").show("%.2f"));
	}

	private static String scaled(final Stats s) {
		return String.format(Locale.ROOT, "%9.2f [%.2f–%.2f]", 1e3 * s.median, 1e3 * s.min, 1e3 * s.max);
	}

	Stats stats(final String metric) {
		return Stats.of(figures.get(metric));
	}

	double outputMegapixels() {
		return image.outputMegapixels(4);
	}

	/** Overhead from the fastest runs, the least disturbed by other load: (min a - min b) / min a. */
	double minimaPct() {
		final double a = stats("e2e_s").min;
		return 100 * (a - stats("pure_ort_s").min) / a;
	}
}
