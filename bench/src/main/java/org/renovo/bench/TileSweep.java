package org.renovo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.renovo.pipeline.RunOptions;
import org.renovo.tiling.TileOptions;
import org.renovo.tiling.TilePlan;

/**
 * End-to-end time per output megapixel for several tile sizes on one image, the default options
 * otherwise: where the default tile size stands. Engine time is taken inside each run, so the share
 * outside the engine is paired, not a difference of two noisy runs.
 */
final class TileSweep {

	private final Rig rig;
	private final RgbImage image;

	TileSweep(final Rig rig, final int size, final long seed) {
		this.rig = rig;
		this.image = RgbImage.random(size, size, seed);
	}

	void run(final int[] tileSizes, final int reps) {
		System.out.printf(Locale.ROOT, "%n== tile sweep, %dx%d RGB -> %.1f MP output, %d run(s) each after a warm-up ==%n", image.width(), image.height(), image.outputMegapixels(4), reps);
		System.out.printf(Locale.ROOT, "  %5s %6s %9s  %-24s %-22s %s%n", "tile", "tiles", "source", "end-to-end s/MP", "outside engine %", "peak heap MB (1 run)");
		for (final int t : tileSizes)
			tile(t, reps);
	}

	private void tile(final int tileSize, final int reps) {
		final RunOptions options = Rig.options(tileSize);
		final TilePlan plan = rig.plan(image, options);
		final List<Double> perMp = new ArrayList<>(), outside = new ArrayList<>();
		rig.endToEnd(image, options);
		for (int r = 0; r < reps; r++) {
			final Rig.EndToEnd e = rig.endToEnd(image, options);
			perMp.add(e.seconds / image.outputMegapixels(4));
			outside.add(100 * (e.seconds - e.engineSeconds) / e.seconds);
			record(tileSize, plan, r, e);
		}
		final double heap = rig.heap(image, options).peakMb;
		rig.csv.add("sweep", image.width(), tileSize, plan.tiles().size(), 0, "peak_heap_mb", heap);
		System.out.printf(Locale.ROOT, "  %5d %6d %9s  %-24s %-22s %s%s%n", tileSize, plan.tiles().size(), plan.sourceWidth() + "x" + plan.sourceHeight(),
			Stats.of(perMp).show("%.3f"), Stats.of(outside).show("%.2f"), String.format(Locale.ROOT, "%.0f", heap), tileSize == TileOptions.DEFAULT_TILE_SIZE ? "  <- default" : "");
	}

	private void record(final int tileSize, final TilePlan plan, final int rep, final Rig.EndToEnd e) {
		final int n = plan.tiles().size();
		rig.csv.add("sweep", image.width(), tileSize, n, rep + 1, "e2e_s", e.seconds);
		rig.csv.add("sweep", image.width(), tileSize, n, rep + 1, "e2e_s_per_mp", e.seconds / image.outputMegapixels(4));
		rig.csv.add("sweep", image.width(), tileSize, n, rep + 1, "engine_in_run_s", e.engineSeconds);
	}
}
