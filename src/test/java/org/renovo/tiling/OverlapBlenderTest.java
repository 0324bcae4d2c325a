package org.renovo.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OverlapBlenderTest {

	@ParameterizedTest
	@EnumSource(BlendWindow.class)
	void weightsSumToOneEverywhere(final BlendWindow window) {
		// setup: every tile outputs the constant 1, so the blend is 1 wherever the weights sum to one
		final TilePlan plan = TilePlanner.plan(45, 31, ModelGeometry.of(3, 2, 0, 1), TileOptions.of(16, 8).withWindow(window));
		final OverlapBlender blender = new OverlapBlender(plan, 2);
		// process
		for (final Tile t : plan.tiles())
			blender.add(t, constantTile(plan, 2, 1f));
		final float[][] out = blender.finish();
		// test
		for (final float[] c : out)
			for (final float v : c)
				assertEquals(1f, v, 1e-6f);
	}

	@Test
	void seamIsFeatheredBetweenDisagreeingTiles() {
		// setup: two tiles side by side that output 0 and 1
		final TilePlan plan = TilePlanner.plan(32, 8, ModelGeometry.of(1, 0, 0, 1), TileOptions.of(16, 8));
		assertEquals(2, plan.tiles().size());
		final OverlapBlender blender = new OverlapBlender(plan, 1);
		// process
		blender.add(plan.tiles().get(0), constantTile(plan, 1, 0f));
		blender.add(plan.tiles().get(1), constantTile(plan, 1, 1f));
		final float[] row = blender.finish()[0];
		// test: 0 left of the band, 1 right of it, monotone inside, 0.5 at the core boundary
		assertEquals(0f, row[11], 0f);
		assertEquals(1f, row[20], 0f);
		for (int x = 12; x < 20; x++)
			assertTrue(row[x] > row[x - 1] || row[x - 1] == 0, "monotone at " + x);
		assertEquals(0.5f, (row[15] + row[16]) / 2, 1e-6f);
	}

	@Test
	void missingTileIsAnError() {
		final TilePlan plan = TilePlanner.plan(32, 8, ModelGeometry.of(1, 0, 0, 1), TileOptions.of(16, 0));
		final OverlapBlender blender = new OverlapBlender(plan, 1);
		blender.add(plan.tiles().get(0), constantTile(plan, 1, 0f));
		assertThrows(IllegalStateException.class, blender::finish);
	}

	private static PlanarTile constantTile(final TilePlan plan, final int channels, final float value) {
		final int n = channels * plan.modelOutputWidth() * plan.modelOutputHeight();
		final FloatBuffer b = FloatBuffer.allocate(n);
		for (int i = 0; i < n; i++) b.put(i, value);
		return new PlanarTile(b, channels, plan.modelOutputWidth(), plan.modelOutputHeight());
	}
}
