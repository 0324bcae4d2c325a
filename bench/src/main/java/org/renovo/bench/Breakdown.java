package org.renovo.bench;

import java.nio.FloatBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;

import org.renovo.tensor.DirectBuffers;
import org.renovo.tensor.TensorLayout;
import org.renovo.tensor.TileReader;
import org.renovo.tensor.ValueMapping;
import org.renovo.tiling.OverlapBlender;
import org.renovo.tiling.Tile;
import org.renovo.tiling.TilePlan;

/**
 * Where a plane's time goes: the steps of {@code RestorationPipeline.runPlane} and of
 * {@code OrtModelSession.run} with a pinned output, done with the same classes on the same tiles, each
 * on its own clock.
 * NB: the product code is not instrumented; this replays it step by step, so keep it in step with
 * those two methods.
 */
final class Breakdown {

	/** The steps of one plane, in the order they run. */
	enum Step {
		SETUP("new blender, borrow output"), READ("TileReader.read"), WRAP("OnnxTensor.createTensor x2"), ORT("OrtSession.run"),
		BLEND("OverlapBlender.add"), FINISH("OverlapBlender.finish"), UNITS("toImageUnits");

		final String label;

		Step(final String label) {
			this.label = label;
		}
	}

	private final Map<Step, Long> nanos = new EnumMap<>(Step.class);
	private long mark;

	/** Seconds per step for one plane of {@code image} through {@code ort}. */
	static Map<Step, Double> measure(final RgbImage image, final TilePlan plan, final PureOrt ort) throws OrtException {
		return new Breakdown().plane(image.components(0), image.mapping(0), plan, ort);
	}

	/** The share of a breakdown's time spent outside {@code OrtSession.run}. */
	static double outsideOrt(final Map<Step, Double> steps) {
		final double all = steps.values().stream().mapToDouble(Double::doubleValue).sum();
		return (all - steps.get(Step.ORT)) / all;
	}

	private Map<Step, Double> plane(final List<RandomAccessibleInterval<? extends RealType<?>>> group, final ValueMapping map, final TilePlan plan, final PureOrt ort) throws OrtException {
		final long[] shape = TensorLayout.shape(group.size(), plan.sourceHeight(), plan.sourceWidth());
		final long[] outShape = TensorLayout.shape(group.size(), plan.modelOutputHeight(), plan.modelOutputWidth());
		start();
		final OverlapBlender blender = new OverlapBlender(plan, group.size());
		final FloatBuffer output = DirectBuffers.borrow(group.size() * plan.modelOutputHeight() * plan.modelOutputWidth());
		stop(Step.SETUP);
		try (TileReader reader = new TileReader()) {
			for (final Tile tile : plan.tiles())
				tile(tile, reader.read(group, tile.source(), map), shape, output, outShape, blender, ort);
		}
		finally {
			DirectBuffers.give(output);
		}
		start();
		final float[][] planes = blender.finish();
		stop(Step.FINISH);
		toImageUnits(planes, map);
		stop(Step.UNITS);
		return seconds();
	}

	private void tile(final Tile tile, final FloatBuffer input, final long[] shape, final FloatBuffer output, final long[] outShape, final OverlapBlender blender, final PureOrt ort) throws OrtException {
		stop(Step.READ);
		try (OnnxTensor in = ort.tensor(input, shape); OnnxTensor out = ort.tensor(output, outShape)) {
			stop(Step.WRAP);
			ort.run(in, out);
			stop(Step.ORT);
			blender.add(tile, TensorLayout.planar(output, outShape));
			stop(Step.BLEND);
		}
	}

	/** NB: the same loop as {@code RestorationPipeline.toImageUnits}, which is private. */
	private static void toImageUnits(final float[][] planes, final ValueMapping map) {
		for (final float[] plane : planes)
			for (int i = 0; i < plane.length; i++)
				plane[i] = map.fromModel(plane[i]);
	}

	private void start() {
		mark = System.nanoTime();
	}

	/** Charges the time since the last mark to {@code step} and moves the mark. */
	private void stop(final Step step) {
		final long now = System.nanoTime();
		nanos.merge(step, now - mark, Long::sum);
		mark = now;
	}

	private Map<Step, Double> seconds() {
		final Map<Step, Double> s = new EnumMap<>(Step.class);
		for (final Step step : Step.values())
			s.put(step, nanos.getOrDefault(step, 0L) / 1e9);
		return s;
	}
}
