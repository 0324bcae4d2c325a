package org.renovo.bench;

import java.io.IOException;
import java.nio.file.Path;

import ai.onnxruntime.OrtException;

import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceSession;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.tiling.TileOptions;
import org.renovo.tiling.TilePlan;
import org.renovo.tiling.TilePlanner;

/**
 * What every measurement shares: the generated model, Renovo's engine (timed) and pipeline, a bare
 * ONNX Runtime session on the same file, and the CSV. One per benchmark run.
 */
final class Rig implements AutoCloseable {

	static final String MODEL_ID = "srvgg-compact-x4";

	final TimedEngine engine = new TimedEngine(new OrtInferenceEngine());
	final Model model;
	final RestorationPipeline pipeline;
	final PureOrt ort;
	final Csv csv = new Csv();

	private Rig(final Path modelFile, final Path work) throws OrtException {
		this.model = new Model(MODEL_ID, modelFile, SrvggModel.geometry());
		this.pipeline = new RestorationPipeline(engine, new GeometryResolver(work.resolve("cache")));
		this.ort = new PureOrt(modelFile);
	}

	/** Generates the model into {@code work} (seed fixed: the same weights every time) and opens it. */
	static Rig open(final Path work, final long seed) throws IOException, OrtException {
		final Path file = work.resolve(MODEL_ID + ".onnx");
		SrvggModel.write(file, seed);
		return new Rig(file, work);
	}

	/** The defaults a user gets, on the CPU. */
	static RunOptions options(final int tileSize) {
		final RunOptions d = RunOptions.defaults().withDevice(DeviceChoice.CPU);
		return tileSize == TileOptions.DEFAULT_TILE_SIZE ? d : d.withTiles(d.tiles().withTileSize(tileSize));
	}

	/** The plan the pipeline makes for {@code image} under {@code options}. */
	TilePlan plan(final RgbImage image, final RunOptions options) {
		return TilePlanner.plan(image.width(), image.height(), SrvggModel.geometry(), options.tiles());
	}

	InferenceSession session() {
		return engine.session(model.file(), DeviceChoice.CPU);
	}

	/**
	 * Waits a moment before a timed pass. NB: the pipeline's session and the bare one have a thread
	 * pool each, and ONNX Runtime's workers spin a while after a run; without a pause the pass after
	 * one of the other session's would share the cores with them.
	 */
	static void settle() {
		try {
			Thread.sleep(200);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One end-to-end run, timed as a whole and split into engine time and the rest. NB: no collection
	 * is forced first: a forced one frees the previous run's buffers at a moment a user's JVM would not,
	 * and with them the cost of touching fresh memory the pipeline would otherwise pay.
	 */
	EndToEnd endToEnd(final RgbImage image, final RunOptions options) {
		settle();
		return run(image, options, null);
	}

	/** One end-to-end run after a full collection, measuring the heap; not timed (the collection would count). */
	EndToEnd heap(final RgbImage image, final RunOptions options) {
		try (HeapMeter heap = HeapMeter.start()) {
			return run(image, options, heap);
		}
	}

	private EndToEnd run(final RgbImage image, final RunOptions options, final HeapMeter heap) {
		engine.takeSeconds();
		final Allocation allocation = new Allocation();
		final long start = System.nanoTime();
		pipeline.run(image, model, options, new KeepingSink(), RunMonitor.NONE);
		final double seconds = (System.nanoTime() - start) / 1e9;
		if (heap != null) heap.stop();
		return new EndToEnd(seconds, engine.takeSeconds(), allocation.megabytes(), heap);
	}

	@Override
	public void close() throws OrtException {
		ort.close();
		engine.close();
	}

	/** The figures of one end-to-end run; heap figures are NaN unless measured. */
	static final class EndToEnd {
		final double seconds, engineSeconds, allocatedMb;
		final double peakMb, baselineMb;

		EndToEnd(final double seconds, final double engineSeconds, final double allocatedMb, final HeapMeter heap) {
			this.seconds = seconds;
			this.engineSeconds = engineSeconds;
			this.allocatedMb = allocatedMb;
			this.peakMb = heap == null ? Double.NaN : heap.peakBytes() / 1e6;
			this.baselineMb = heap == null ? Double.NaN : heap.baselineBytes() / 1e6;
		}
	}
}
