package org.renovo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TestImages;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.TileOptions;

/** Models that pool over their whole input: one tile within the memory budget, else tiles and a measured seam. */
class WholeInputTest {

	private static final OrtInferenceEngine engine = SharedPipeline.engine();
	private static final RestorationPipeline pipeline = SharedPipeline.pipeline();
	private static final RunOptions TILED = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.of(32, 8));

	@Test
	void theGraphTellsGlobalPoolingFromAWideReceptiveField() {
		final GeometryResolver resolver = new GeometryResolver(Path.of("target", "test-cache"));
		assertTrue(resolver.geometry(new Model("se", TinyModels.globalPool(), null), engine.session(TinyModels.globalPool(), DeviceChoice.CPU)).seesWholeInput());
		assertTrue(!resolver.geometry(new Model("s12", TinyModels.convStack(12), null), engine.session(TinyModels.convStack(12), DeviceChoice.CPU)).seesWholeInput());
	}

	@Test
	void withinTheBudgetItRunsAsOneTileWhateverTheTileSize() {
		// setup
		final ImageData image = TestImages.random(100, 80, 3, 21);
		final Model se = new Model("se", TinyModels.globalPool(), null);
		final List<String> info = new ArrayList<>();
		// process
		final TestImages.Collector tiled = new TestImages.Collector(), whole = new TestImages.Collector();
		final RunReport r = pipeline.run(image, se, TILED, tiled, log(info, new ArrayList<>()));
		pipeline.run(image, se, TILED.withTiles(TileOptions.of(128, 0)), whole, RunMonitor.NONE);
		// test
		assertEquals(1, r.plan().tiles().size());
		assertTrue(info.stream().anyMatch(l -> l.contains("runs as one tile")), info.toString());
		assertEquals(0, TestImages.maxAbsDiff(whole.flat(), tiled.flat()));
	}

	@Test
	void overTheBudgetItTilesAndReportsTheMeasuredSeam() {
		// setup: a budget that fits a 40x40 tile, not the 100x80 image
		final ImageData image = TestImages.random(100, 80, 3, 22);
		final RunOptions small = TILED.withMemoryBudget(WholeInputPolicy.BYTES_PER_PIXEL * 40 * 40);
		final List<String> warnings = new ArrayList<>();
		// process
		final RunReport r = pipeline.run(image, new Model("se", TinyModels.globalPool(), null), small, new TestImages.Collector(), log(new ArrayList<>(), warnings));
		// test
		assertTrue(r.plan().tiles().size() > 1);
		final String seam = warnings.stream().filter(l -> l.contains("PSNR")).findFirst().orElseThrow(() -> new AssertionError(warnings.toString()));
		assertTrue(seam.contains("40x40 crop") && seam.contains("over the budget"), seam);
		final Matcher m = Pattern.compile("PSNR ([0-9.]+) dB").matcher(seam);
		assertTrue(m.find(), seam);
		final double psnr = Double.parseDouble(m.group(1));
		assertTrue(psnr > 10 && psnr < 200, "a finite, real difference: " + psnr);
	}

	@Test
	void otherModelsKeepTheirTilingWhateverTheBudget() {
		final RunReport r = pipeline.run(TestImages.random(100, 80, 3, 23), new Model("c3", TinyModels.conv(3, 3), null), TILED, new TestImages.Collector(), RunMonitor.NONE);
		assertEquals(4 * 3, r.plan().tiles().size());
	}

	private static RunMonitor log(final List<String> info, final List<String> warnings) {
		return new RunMonitor() {
			@Override public void info(final String m) { info.add(m); }
			@Override public void warn(final String m) { warnings.add(m); }
		};
	}
}
