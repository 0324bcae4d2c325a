package org.renovo.bench;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.renovo.engine.Device;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceEngine;
import org.renovo.engine.InferenceSession;
import org.renovo.engine.ModelSignature;
import org.renovo.engine.Tensor;

/**
 * An {@link InferenceEngine} that adds up the time spent inside {@link InferenceSession#run}, so a
 * pipeline run can be split into engine time and everything else within the same run (immune to the
 * run-to-run noise of a shared machine). NB: engine time includes the wrapping of input and output
 * that {@code OrtModelSession} does around ONNX Runtime's own run.
 */
final class TimedEngine implements InferenceEngine {

	private final InferenceEngine engine;
	private final AtomicLong nanos = new AtomicLong();

	TimedEngine(final InferenceEngine engine) {
		this.engine = engine;
	}

	/** Seconds spent in {@code run} since the last call, and resets the count. */
	double takeSeconds() {
		return nanos.getAndSet(0) / 1e9;
	}

	@Override
	public InferenceSession session(final Path model, final DeviceChoice choice) {
		return new Timed(engine.session(model, choice));
	}

	@Override
	public void close() {
		engine.close();
	}

	private final class Timed implements InferenceSession {

		private final InferenceSession session;

		Timed(final InferenceSession session) {
			this.session = session;
		}

		@Override public Device device() { return session.device(); }
		@Override public List<String> fallbacks() { return session.fallbacks(); }
		@Override public ModelSignature signature() { return session.signature(); }

		@Override
		public Tensor run(final FloatBuffer input, final long[] shape) {
			final long start = System.nanoTime();
			try {
				return session.run(input, shape);
			}
			finally {
				nanos.addAndGet(System.nanoTime() - start);
			}
		}

		/** NB: must be forwarded, or the interface's default would time the plain run instead. */
		@Override
		public Tensor run(final FloatBuffer input, final long[] shape, final FloatBuffer output, final long[] outputShape) {
			final long start = System.nanoTime();
			try {
				return session.run(input, shape, output, outputShape);
			}
			finally {
				nanos.addAndGet(System.nanoTime() - start);
			}
		}
	}
}
