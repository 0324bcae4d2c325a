package org.renovo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.renovo.model.GeometryProbe;
import org.renovo.tiling.ModelGeometry;

/**
 * Renovo's pipeline overhead on a realistic model: see {@code bench/README.md}. Run through
 * {@code bench/run}; every option has a default:
 * <pre>
 * --sizes 256,1024       input sides measured at the default tile size (256: 1 MP output)
 * --reps 11,5            measured repetitions per size (the last repeats), after one warm-up
 * --sweep-size 1024      input side of the tile-size sweep (0: no sweep)
 * --tiles 128,192,256,384,512
 * --sweep-reps 3
 * --out bench/results    where the CSV goes
 * --work bench/target    where the model is generated
 * </pre>
 */
public final class PipelineBenchmark {

	private static final long SEED = 42;

	private PipelineBenchmark() {}

	public static void main(final String[] args) throws Exception {
		final Args a = new Args(args);
		final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		try (Rig rig = Rig.open(Paths.get(a.get("--work", "bench/target")), SEED)) {
			machine(rig);
			checkGeometry(rig);
			final List<DefaultTileBench> benches = new ArrayList<>();
			final int[] sizes = a.ints("--sizes", "256,1024"), reps = a.ints("--reps", "11,5");
			for (int i = 0; i < sizes.length; i++) {
				final DefaultTileBench b = new DefaultTileBench(rig, sizes[i], SEED);
				b.run(reps[Math.min(i, reps.length - 1)]);
				benches.add(b);
			}
			final int sweep = a.integer("--sweep-size", 1024);
			if (sweep > 0) new TileSweep(rig, sweep, SEED).run(a.ints("--tiles", "128,192,256,384,512"), a.integer("--sweep-reps", 3));
			summary(benches);
			rig.csv.note("load_after", loadAverage());
			final Path csv = Paths.get(a.get("--out", "bench/results")).resolve(stamp + ".csv");
			rig.csv.write(csv);
			System.out.println("\nCSV: " + csv);
		}
	}

	/**
	 * NB: a declared geometry the model contradicts would make the timing meaningless. The probe finds
	 * the reach of changes above its threshold, which at the edge of 18 random layers can be one pixel
	 * short of the architecture's bound; the declared radius is that bound, so it may exceed the probe.
	 */
	private static void checkGeometry(final Rig rig) {
		final ModelGeometry probed = GeometryProbe.probe(rig.session(), 3);
		final ModelGeometry declared = SrvggModel.geometry();
		if (!probed.withRadius(declared.radius()).equals(declared) || probed.radius() > declared.radius())
			throw new IllegalStateException("The generated model measures " + probed + " but is declared " + declared + ": fix SrvggModel.");
		rig.engine.takeSeconds();
		System.out.println("model: " + Rig.MODEL_ID + " (SRVGG-compact, 64 features, 16 body convs, x4), declared " + declared + "; probe measures radius " + probed.radius());
		rig.csv.note("probed_radius", String.valueOf(probed.radius()));
	}

	private static void machine(final Rig rig) throws IOException {
		final String[] facts = { "cpu", cpuModel(), "cores", String.valueOf(Runtime.getRuntime().availableProcessors()),
			"java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), "max_heap_mb", String.valueOf(Runtime.getRuntime().maxMemory() / 1000000),
			"onnxruntime", rig.ort.version(), "load_before", loadAverage() };
		for (int i = 0; i < facts.length; i += 2) {
			System.out.println(facts[i] + ": " + facts[i + 1]);
			rig.csv.note(facts[i], facts[i + 1]);
		}
	}

	private static void summary(final List<DefaultTileBench> benches) {
		System.out.printf(Locale.ROOT, "%n== summary, default options (automatic tile size), median [min–max] ==%n");
		System.out.printf(Locale.ROOT, "%-7s %-22s %-22s %-9s %-9s %-22s %-22s %s%n", "output", "end-to-end s", "pure ORT s", "a-b med", "a-b min", "outside engine %", "replay outside ORT %", "peak heap MB");
		for (final DefaultTileBench b : benches) {
			final Stats e = b.stats("e2e_s"), p = b.stats("pure_ort_s");
			System.out.printf(Locale.ROOT, "%-7s %-22s %-22s %-9s %-9s %-22s %-22s %s%n", String.format(Locale.ROOT, "%.0f MP", b.outputMegapixels()), e.show("%.3f"), p.show("%.3f"),
				String.format(Locale.ROOT, "%.2f%%", 100 * (e.median - p.median) / e.median), String.format(Locale.ROOT, "%.2f%%", b.minimaPct()),
				b.stats("outside_engine_in_run_pct").show("%.2f"), b.stats("steps_outside_ort_pct").show("%.2f"), b.stats("peak_heap_mb").show("%.0f"));
		}
	}

	private static String cpuModel() throws IOException {
		final Path info = Paths.get("/proc/cpuinfo");
		if (!Files.isReadable(info)) return System.getProperty("os.arch");
		return Files.readAllLines(info, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("model name")).map(l -> l.replaceFirst(".*:\\s*", "")).findFirst().orElse("?");
	}

	private static String loadAverage() throws IOException {
		final Path load = Paths.get("/proc/loadavg");
		return Files.isReadable(load) ? new String(Files.readAllBytes(load), StandardCharsets.UTF_8).trim() : "n/a";
	}

	/** {@code --name value} pairs. */
	private static final class Args {
		private final List<String> list;

		Args(final String[] args) {
			this.list = Arrays.asList(args);
			if (list.size() % 2 != 0) throw new IllegalArgumentException("Options come in pairs, --name value; got " + list);
		}

		String get(final String name, final String fallback) {
			final int i = list.indexOf(name);
			return i >= 0 ? list.get(i + 1) : fallback;
		}

		int integer(final String name, final int fallback) {
			return Integer.parseInt(get(name, String.valueOf(fallback)));
		}

		int[] ints(final String name, final String fallback) {
			return Arrays.stream(get(name, fallback).split(",")).mapToInt(Integer::parseInt).toArray();
		}
	}
}
