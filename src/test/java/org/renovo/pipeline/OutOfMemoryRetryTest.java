package org.renovo.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.renovo.engine.Device;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceEngine;
import org.renovo.engine.InferenceSession;
import org.renovo.engine.ModelSignature;
import org.renovo.engine.Tensor;
import org.renovo.error.OutOfModelMemoryException;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TestImages;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.TileOptions;

/** A tile ONNX Runtime cannot allocate is retried with half-size tiles; the result does not change. */
class OutOfMemoryRetryTest {

	private static final Model MODEL = new Model("conv5", TinyModels.conv(5, 3), null);

	@Test
	void aPlaneRunsAgainWithHalfSizeTilesAndGivesTheSameResult() {
		final ImageData image = TestImages.random(300, 200, 3, 9);
		final RunOptions big = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.of(256, 16));
		final float[][] expected = run(SharedPipeline.pipeline(), image, big, new ArrayList<>());
		// tiles of 256 read up to 260x204 px; allow at most 150x150
		final List<String> warnings = new ArrayList<>();
		final float[][] retried = run(pipeline(150 * 150), image, big, warnings);
		for (int c = 0; c < 3; c++)
			assertArrayEquals(expected[c], retried[c], 1e-5f, "component " + c); // the tolerance of TiledEqualsWholeTest: ONNX Runtime rounds differently per shape
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).contains("ran out of memory") && warnings.get(0).contains("tiles of 128 px"), warnings.get(0));
	}

	@Test
	void aResultImageTakesTheStreamedPlaneAgain() {
		final ij.process.ColorProcessor cp = new ij.process.ColorProcessor(300, 200);
		final java.util.Random r = new java.util.Random(4);
		for (int i = 0; i < 300 * 200; i++) cp.set(i, r.nextInt(1 << 24));
		final ij.ImagePlus input = new ij.ImagePlus("rgb", cp);
		final RunOptions big = RunOptions.defaults().withDevice(DeviceChoice.CPU).withTiles(TileOptions.of(256, 16));
		final org.renovo.imagej.ImagePlusResult expected = new org.renovo.imagej.ImagePlusResult(input, 1), retried = new org.renovo.imagej.ImagePlusResult(input, 1);
		SharedPipeline.pipeline().stream(org.renovo.imagej.ImagePlusSource.of(input), MODEL, big, expected, RunMonitor.NONE);
		final List<String> warnings = new ArrayList<>();
		pipeline(150 * 150).stream(org.renovo.imagej.ImagePlusSource.of(input), MODEL, big, retried, new RunMonitor() {
			@Override public void warn(final String message) { warnings.add(message); }
		});
		assertTrue(warnings.stream().anyMatch(w -> w.contains("tiles of 128 px")), warnings.toString());
		final int[] a = (int[]) expected.toImagePlus("a", "").getProcessor().getPixels(), b = (int[]) retried.toImagePlus("b", "").getProcessor().getPixels();
		for (int i = 0; i < a.length; i++)
			for (int shift = 0; shift <= 16; shift += 8)
				assertEquals(a[i] >> shift & 0xff, b[i] >> shift & 0xff, 1, "pixel " + i);
	}

	@Test
	void theFailureReachesTheUserWhenTheSmallestTileFails() {
		final List<String> warnings = new ArrayList<>();
		final OutOfModelMemoryException e = assertThrows(OutOfModelMemoryException.class,
			() -> run(pipeline(10 * 10), TestImages.random(300, 200, 3, 9), RunOptions.defaults().withTiles(TileOptions.of(256, 16)), warnings));
		assertTrue(e.getMessage().contains("smaller tile_size"), e.getMessage());
		assertEquals(2, warnings.size(), "256 -> 128 -> 64, then no smaller: " + warnings);
	}

	private static float[][] run(final RestorationPipeline pipeline, final ImageData image, final RunOptions options, final List<String> warnings) {
		final float[][][] out = new float[1][][];
		pipeline.run(image, MODEL, options, (i, c) -> out[0] = c, new RunMonitor() {
			@Override public void warn(final String message) { if (message.contains("memory")) warnings.add(message); }
		});
		return out[0];
	}

	/** The shared engine, but every tile input above {@code maxPixels} fails as ONNX Runtime's allocator would. */
	private static RestorationPipeline pipeline(final int maxPixels) {
		final InferenceEngine limited = new InferenceEngine() {
			@Override
			public InferenceSession session(final Path model, final DeviceChoice choice) {
				final InferenceSession real = SharedPipeline.engine().session(model, choice);
				return new InferenceSession() {
					@Override public Device device() { return real.device(); }
					@Override public List<String> fallbacks() { return real.fallbacks(); }
					@Override public ModelSignature signature() { return real.signature(); }
					@Override
					public Tensor run(final FloatBuffer input, final long[] shape) {
						if (shape[2] * shape[3] > maxPixels) throw new OutOfModelMemoryException("ONNX Runtime ran out of memory for an input of shape " + java.util.Arrays.toString(shape)
							+ ": use a smaller tile_size (or --tile), or free memory. (Failed to allocate memory for requested buffer of size 123)", null);
						return real.run(input, shape);
					}
				};
			}

			@Override public void close() {}
		};
		return new RestorationPipeline(limited, new GeometryResolver(Path.of("target", "test-cache")));
	}
}
