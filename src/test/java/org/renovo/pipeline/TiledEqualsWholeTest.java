package org.renovo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TestImages;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.EdgeMode;
import org.renovo.tiling.InputPadding;
import org.renovo.tiling.ModelGeometry;
import org.renovo.tiling.TileOptions;

/**
 * The decisive property (docs/TILING.md): for models whose receptive field fits in the halo, the tiled
 * output equals the whole-image output, for awkward image sizes, with and without overlap blending.
 */
class TiledEqualsWholeTest {

	private static final int TILE = 16;
	private static final OrtInferenceEngine engine = SharedPipeline.engine();
	private static final RestorationPipeline pipeline = SharedPipeline.pipeline();

	static List<Arguments> cases() {
		final List<Arguments> cases = new ArrayList<>();
		final List<Supplier<Path>> models = List.of(() -> TinyModels.identity(3), () -> TinyModels.conv(3, 3), () -> TinyModels.conv(9, 3),
			() -> TinyModels.convStack(4), TinyModels::depthToSpace2, TinyModels::nearest2, TinyModels::validConv, TinyModels::multipleOf4);
		final int[][] sizes = { { 1, 1 }, { TILE - 1, TILE - 1 }, { TILE, TILE }, { TILE + 1, TILE + 1 }, { 37, 37 }, { 50, 23 }, { 7, 41 } };
		for (final Supplier<Path> m : models)
			for (final int[] s : sizes)
				for (final int overlap : new int[] { 0, 6 })
					cases.add(Arguments.of(m.get().getFileName().toString(), m.get(), s[0], s[1], overlap));
		return cases;
	}

	@ParameterizedTest(name = "{0} {2}x{3} overlap {4}")
	@MethodSource("cases")
	void tiledEqualsWhole(final String name, final Path file, final int width, final int height, final int overlap) {
		// setup
		final ImageData image = TestImages.random(width, height, 3, width * 1000L + height);
		final Model model = new Model(name, file, null);
		final RunOptions whole = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.defaults().withTileSize(64).withOverlap(0));
		final RunOptions tiled = whole.withTiles(TileOptions.defaults().withTileSize(TILE).withOverlap(overlap));
		// process
		final TestImages.Collector a = new TestImages.Collector(), b = new TestImages.Collector();
		final RunReport ra = pipeline.run(image, model, whole, a, RunMonitor.NONE);
		final RunReport rb = pipeline.run(image, model, tiled, b, RunMonitor.NONE);
		// test
		final ModelGeometry g = rb.plan().geometry();
		assertEquals(1, ra.plan().tiles().size(), "reference is one tile");
		assertTrue(rb.plan().isExact(), "halo covers the receptive field: " + rb.plan());
		assertEquals(width * g.scale() * height * g.scale() * 3, b.flat().length, "exact output size");
		final double diff = TestImages.maxAbsDiff(a.flat(), b.flat());
		assertTrue(diff <= 1e-5, name + " tiled differs from whole by " + diff);
	}

	static List<Arguments> fixedPadCases() {
		final List<Arguments> cases = new ArrayList<>();
		// NB: pad = radius + border (+ slack), so the fixed pad covers the receptive field and tiling stays exact.
		final List<Object[]> models = List.of(new Object[] { (Supplier<Path>) () -> TinyModels.conv(3, 3), 2 },
			new Object[] { (Supplier<Path>) TinyModels::validConv, 5 }, new Object[] { (Supplier<Path>) TinyModels::multipleOf4, 8 });
		for (final Object[] m : models)
			for (final EdgeMode edge : EdgeMode.values())
				for (final int[] s : new int[][] { { 1, 1 }, { TILE + 1, TILE - 1 }, { 37, 23 } })
					cases.add(Arguments.of(((Supplier<?>) m[0]).get().toString(), ((Supplier<?>) m[0]).get(), m[1], edge, s[0], s[1]));
		return cases;
	}

	@ParameterizedTest(name = "{0} pad {2} {3} {4}x{5}")
	@MethodSource("fixedPadCases")
	void tiledEqualsWholeWithAFixedPadAndEitherEdgeMode(final String name, final Path file, final int pad, final EdgeMode edge, final int width, final int height) {
		// setup
		final ImageData image = TestImages.random(width, height, 3, width * 7L + height);
		final Model model = new Model(name, file, null, InputPadding.fixed(pad, edge));
		final RunOptions whole = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.defaults().withTileSize(64).withOverlap(0));
		final RunOptions tiled = whole.withTiles(TileOptions.defaults().withTileSize(TILE).withOverlap(4));
		// process
		final TestImages.Collector a = new TestImages.Collector(), b = new TestImages.Collector();
		final RunReport ra = pipeline.run(image, model, whole, a, RunMonitor.NONE);
		final RunReport rb = pipeline.run(image, model, tiled, b, RunMonitor.NONE);
		// test
		assertEquals(pad - ra.plan().geometry().border(), ra.plan().halo());
		assertEquals(edge, rb.plan().padding().edge());
		assertTrue(rb.plan().isExact(), rb.plan().toString());
		final double diff = TestImages.maxAbsDiff(a.flat(), b.flat());
		assertTrue(diff <= 1e-5, name + " tiled differs from whole by " + diff);
	}

	@Test
	void theEdgeModeReachesTheModel() {
		// setup: identity model, pad 2; the whole-image source of a 3x3 image differs only outside the image
		final ImageData image = TestImages.random(3, 3, 3, 5);
		final RunOptions one = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.defaults().withTileSize(1).withOverlap(0));
		final TestImages.Collector reflect = new TestImages.Collector(), replicate = new TestImages.Collector();
		// process: 1-px tiles make every tile's source reach 2 px past the image
		pipeline.run(image, new Model("c", TinyModels.conv(3, 3), null, InputPadding.fixed(2, EdgeMode.REFLECT)), one, reflect, RunMonitor.NONE);
		pipeline.run(image, new Model("c", TinyModels.conv(3, 3), null, InputPadding.fixed(2, EdgeMode.REPLICATE)), one, replicate, RunMonitor.NONE);
		// test: edge pixels see different neighbours, so the outputs differ
		assertTrue(TestImages.maxAbsDiff(reflect.flat(), replicate.flat()) > 1e-3);
	}

	@Test
	void manyTilesReallyTile() {
		final ImageData image = TestImages.random(50, 23, 3, 7);
		final RunReport r = pipeline.run(image, new Model("c3", TinyModels.conv(3, 3), null),
			RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.of(TILE, 6)), new TestImages.Collector(), RunMonitor.NONE);
		assertEquals(4 * 2, r.plan().tiles().size());
	}

	@Test
	void wideReceptiveFieldIsBlendedWithoutVisibleSeams() {
		// setup: radius 12 but a halo capped at 4, so tiles differ near their edges and blending must hide it;
		// NB: the same cap for the reference, so both extend the image alike and only the seams differ
		final ImageData image = TestImages.random(96, 80, 3, 11);
		final Model model = new Model("stack12", TinyModels.convStack(12), null);
		final RunOptions whole = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.defaults().withTileSize(96).withOverlap(0).withHaloCap(4));
		final RunOptions tiled = whole.withTiles(TileOptions.defaults().withTileSize(32).withOverlap(16).withHaloCap(4));
		// process
		final TestImages.Collector a = new TestImages.Collector(), b = new TestImages.Collector();
		pipeline.run(image, model, whole, a, RunMonitor.NONE);
		final RunReport r = pipeline.run(image, model, tiled, b, RunMonitor.NONE);
		// test
		assertTrue(!r.plan().isExact());
		final double psnr = TestImages.psnr(a.flat(), b.flat(), 1.0);
		assertTrue(psnr > 40, "blended PSNR " + psnr);
		assertTrue(psnr < 200, "test must actually be inexact, PSNR " + psnr);
	}
}
