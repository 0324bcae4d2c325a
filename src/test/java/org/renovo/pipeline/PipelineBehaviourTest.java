package org.renovo.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.ModelFormatException;
import org.renovo.error.RunCancelledException;
import org.renovo.error.UnsupportedImageException;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TestImages;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.ModelGeometry;
import org.renovo.tiling.TileOptions;

/** Channel routing, progress, cancellation and bad input. */
class PipelineBehaviourTest {

	private static final OrtInferenceEngine engine = SharedPipeline.engine();
	private static final RestorationPipeline pipeline = SharedPipeline.pipeline();
	private static final RunOptions CPU16 = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.of(16, 4));

	@Test
	void grayIntoAnRgbModelIsReplicatedAndAveragedBack() {
		// an identity RGB model gives back the gray plane itself
		final ImageData gray = TestImages.random(20, 9, 1, 3);
		final TestImages.Collector out = new TestImages.Collector();
		pipeline.run(gray, new Model("id3", TinyModels.identity(3), null), CPU16, out, RunMonitor.NONE);
		assertEquals(1, out.planes.get(0).length);
		assertEquals(0, TestImages.maxAbsDiff(values(gray, 0), out.planes.get(0)[0]), 1e-6);
	}

	@Test
	void rgbIntoAOneChannelModelRunsPerComponent() {
		final ImageData rgb = TestImages.random(20, 9, 3, 4);
		final TestImages.Collector out = new TestImages.Collector();
		pipeline.run(rgb, new Model("id1", TinyModels.identity(1), null), CPU16, out, RunMonitor.NONE);
		assertEquals(3, out.planes.get(0).length);
		for (int c = 0; c < 3; c++)
			assertEquals(0, TestImages.maxAbsDiff(values(rgb, c), out.planes.get(0)[c]), 1e-6);
	}

	@Test
	void progressIsReportedPerTileWithAnEstimate() {
		final List<double[]> events = new ArrayList<>();
		pipeline.run(TestImages.random(40, 20, 3, 5), new Model("c3", TinyModels.conv(3, 3), null), CPU16, new TestImages.Collector(), new RunMonitor() {
			@Override
			public void progress(final int done, final int total, final double secondsLeft) {
				events.add(new double[] { done, total, secondsLeft });
			}
		});
		assertEquals(6, events.size());
		assertArrayEquals(new double[] { 6, 6, 0 }, events.get(5), 1e-9);
		assertTrue(events.get(0)[2] >= 0);
	}

	@Test
	void cancelStopsBetweenTiles() {
		final int[] tiles = { 0 };
		final TestImages.Collector out = new TestImages.Collector();
		final RunCancelledException e = assertThrows(RunCancelledException.class, () -> pipeline.run(TestImages.random(40, 20, 3, 5),
			new Model("c3", TinyModels.conv(3, 3), null), CPU16, out, new RunMonitor() {
				@Override public void progress(final int done, final int total, final double left) { tiles[0] = done; }
				@Override public boolean isCancelled() { return tiles[0] >= 2; }
			}));
		assertEquals(2, tiles[0]);
		assertTrue(out.planes.isEmpty());
		assertTrue(e.getMessage().contains("tile 3 of 6"), e.getMessage());
	}

	@Test
	void badInputIsRefusedWithMessagesThatSayWhatToDo() {
		final ImageData image = TestImages.random(20, 20, 3, 6);
		final InvalidOptionsException tile = assertThrows(InvalidOptionsException.class, () -> pipeline.run(image,
			new Model("m4", TinyModels.multipleOf4(), null), CPU16.withTiles(TileOptions.of(18, 0)), new TestImages.Collector(), RunMonitor.NONE));
		assertTrue(tile.getMessage().contains("use 20"), tile.getMessage());
		final UnsupportedImageException small = assertThrows(UnsupportedImageException.class, () -> pipeline.run(image,
			new Model("c3", TinyModels.conv(3, 3), ModelGeometry.of(1, 1, 0, 1).withMinSize(32)), CPU16, new TestImages.Collector(), RunMonitor.NONE));
		assertTrue(small.getMessage().contains("at least 32"), small.getMessage());
		final UnsupportedImageException channels = assertThrows(UnsupportedImageException.class, () -> pipeline.run(image,
			new Model("c3to4", TinyModels.channelChange(), null), CPU16, new TestImages.Collector(), RunMonitor.NONE));
		assertTrue(channels.getMessage().contains("3 channels into 4"), channels.getMessage());
		assertThrows(ModelFormatException.class, () -> pipeline.run(image, new Model("bad", TinyModels.corrupt(), null), CPU16, new TestImages.Collector(), RunMonitor.NONE));
	}

	@Test
	void logsTheDeviceThatRan() {
		final List<String> lines = new ArrayList<>();
		final RunReport r = pipeline.run(TestImages.random(8, 8, 3, 1), new Model("c3", TinyModels.conv(3, 3), null), CPU16, new TestImages.Collector(), new RunMonitor() {
			@Override public void info(final String m) { lines.add(m); }
		});
		assertTrue(lines.get(0).contains("runs on cpu"), lines.toString());
		assertTrue(r.summary().contains("device cpu"));
	}

	private static float[] values(final ImageData image, final int component) {
		final float[] v = new float[image.width() * image.height()];
		final net.imglib2.Cursor<? extends net.imglib2.type.numeric.RealType<?>> c = net.imglib2.view.Views.flatIterable(image.components(0).get(component)).cursor();
		for (int i = 0; i < v.length; i++) v[i] = c.next().getRealFloat();
		return v;
	}
}
