package org.renovo.bench;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * ONNX Runtime alone: its own {@link OrtSession} on the model, made with the options Renovo's engine
 * uses, running tensors built before the clock starts. What is timed is {@code session.run} and the
 * release of its result, nothing of Renovo. Not thread-safe.
 */
final class PureOrt implements AutoCloseable {

	private final OrtEnvironment env = OrtEnvironment.getEnvironment();
	private final OrtSession session;
	private final String inputName, outputName;

	PureOrt(final Path model) throws OrtException {
		this.session = env.createSession(model.toString(), options());
		this.inputName = session.getInputNames().iterator().next();
		this.outputName = session.getOutputNames().iterator().next();
	}

	/** NB: mirrors {@code OrtInferenceEngine.create} on the CPU; keep the two in step. */
	private static OrtSession.SessionOptions options() throws OrtException {
		final OrtSession.SessionOptions options = new OrtSession.SessionOptions();
		options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
		options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
		return options;
	}

	/** Wraps each buffer (direct, native-order: no copy) as a tensor of {@code shape}; the caller closes them. */
	List<OnnxTensor> tensors(final List<FloatBuffer> inputs, final long[] shape) throws OrtException {
		final List<OnnxTensor> tensors = new ArrayList<>();
		for (final FloatBuffer b : inputs)
			tensors.add(tensor(b, shape));
		return tensors;
	}

	/** Seconds to run every tensor once, in order. */
	double seconds(final List<OnnxTensor> tensors) throws OrtException {
		final long start = System.nanoTime();
		for (final OnnxTensor t : tensors)
			// NB: the result is released unread; reading it is the engine's cost, timed elsewhere.
			run(t).close();
		return (System.nanoTime() - start) / 1e9;
	}

	/** One run; the caller closes the result. */
	OrtSession.Result run(final OnnxTensor input) throws OrtException {
		return session.run(Collections.singletonMap(inputName, input));
	}

	/** One run writing into {@code output}, as {@code OrtModelSession} does with a pinned output. */
	void run(final OnnxTensor input, final OnnxTensor output) throws OrtException {
		session.run(Collections.singletonMap(inputName, input), Collections.singletonMap(outputName, output)).close();
	}

	OnnxTensor tensor(final FloatBuffer input, final long[] shape) throws OrtException {
		return OnnxTensor.createTensor(env, input, shape);
	}

	String version() {
		return env.getVersion();
	}

	@Override
	public void close() throws OrtException {
		session.close();
	}
}
