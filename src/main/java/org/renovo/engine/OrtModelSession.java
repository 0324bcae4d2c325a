package org.renovo.engine;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import org.renovo.error.InferenceException;
import org.renovo.error.OutOfModelMemoryException;
import org.renovo.error.ModelFormatException;

/** An {@link OrtSession} with the device it runs on; closed only by its engine. */
final class OrtModelSession implements InferenceSession {

	private final OrtSession session;
	private final Device device;
	private final List<String> fallbacks;
	private final ModelSignature signature;
	private final String outputName;

	private OrtModelSession(final OrtSession session, final Device device, final List<String> fallbacks, final ModelSignature signature) throws OrtException {
		this.session = session;
		this.device = device;
		this.fallbacks = Collections.unmodifiableList(fallbacks);
		this.signature = signature;
		this.outputName = session.getOutputNames().iterator().next();
	}

	/** Checks the model's inputs and outputs; closes the session and throws when Renovo cannot feed it. */
	static OrtModelSession wrap(final Path model, final OrtSession session, final Device device, final List<String> fallbacks) throws OrtException {
		try {
			return new OrtModelSession(session, device, fallbacks, signature(model, session));
		}
		catch (final RuntimeException | OrtException e) {
			session.close();
			throw e;
		}
	}

	@Override public Device device() { return device; }
	@Override public List<String> fallbacks() { return fallbacks; }
	@Override public ModelSignature signature() { return signature; }

	@Override
	public Tensor run(final FloatBuffer input, final long[] shape) {
		try (OnnxTensor tensor = OnnxTensor.createTensor(OrtEnvironments.get(), input, shape);
			OrtSession.Result result = session.run(Collections.singletonMap(signature.inputName(), tensor)))
		{
			final OnnxValue value = result.get(0);
			if (!(value instanceof OnnxTensor)) throw new InferenceException("Model output is a " + value.getType() + ", expected an image tensor.");
			final OnnxTensor out = (OnnxTensor) value;
			return new Tensor(out.getFloatBuffer(), out.getInfo().getShape());
		}
		catch (final OrtException e) {
			throw failed(shape, e);
		}
	}

	/** NB: ONNX Runtime writes into a pinned output tensor over the caller's buffer, saving a copy of the output per tile. */
	@Override
	public Tensor run(final FloatBuffer input, final long[] shape, final FloatBuffer output, final long[] outputShape) {
		// NB: ONNX Runtime would copy any other buffer and write the output into the copy, out of our sight.
		if (!output.isDirect() || output.order() != ByteOrder.nativeOrder() || output.capacity() < size(outputShape)) return run(input, shape);
		final FloatBuffer target = output.duplicate();
		target.clear().limit((int) size(outputShape));
		try (OnnxTensor in = OnnxTensor.createTensor(OrtEnvironments.get(), input.duplicate(), shape);
			OnnxTensor out = OnnxTensor.createTensor(OrtEnvironments.get(), target, outputShape))
		{
			session.run(Collections.singletonMap(signature.inputName(), in), Collections.singletonMap(outputName, out)).close();
			return new Tensor(target, outputShape);
		}
		catch (final OrtException e) {
			// NB: also when the model's output has another shape than outputShape; the plain run then reports
			// that shape, or fails again with ONNX Runtime's message.
			return run(input, shape);
		}
	}

	void close() {
		try {
			session.close();
		}
		catch (final OrtException e) {
			throw new InferenceException("Could not close a model session: " + e.getMessage(), e);
		}
	}

	private RuntimeException failed(final long[] shape, final OrtException e) {
		if (AllocationFailures.matches(e.getMessage()))
			return new OutOfModelMemoryException("ONNX Runtime ran out of memory for an input of shape " + Arrays.toString(shape) + " on " + device.label()
				+ ": use a smaller tile_size (or --tile), or free memory. (" + e.getMessage() + ")", e);
		return new InferenceException("ONNX Runtime failed on an input of shape " + Arrays.toString(shape) + " on " + device.label() + ": " + e.getMessage(), e);
	}

	private static long size(final long[] shape) {
		long n = 1;
		for (final long d : shape)
			n = Math.multiplyExact(n, d);
		return n;
	}

	private static ModelSignature signature(final Path model, final OrtSession session) throws OrtException {
		final Map<String, NodeInfo> inputs = session.getInputInfo();
		if (inputs.size() != 1) throw new ModelFormatException("Model " + model + " has " + inputs.size() + " inputs " + inputs.keySet() + "; Renovo runs image-to-image models with exactly one input.");
		final NodeInfo input = inputs.values().iterator().next();
		final long[] in = imageShape(model, "input", input);
		final NodeInfo output = session.getOutputInfo().values().iterator().next();
		final long[] out = imageShape(model, "output", output);
		return new ModelSignature(input.getName(), (int) in[1], (int) in[2], (int) in[3], (int) out[1]);
	}

	private static long[] imageShape(final Path model, final String what, final NodeInfo node) {
		if (!(node.getInfo() instanceof TensorInfo)) throw new ModelFormatException("Model " + model + ": " + what + " '" + node.getName() + "' is not a tensor; Renovo needs a float image tensor [1, C, H, W].");
		final TensorInfo info = (TensorInfo) node.getInfo();
		final long[] shape = info.getShape();
		if (info.type != OnnxJavaType.FLOAT || shape.length != 4 || shape[0] > 1)
			throw new ModelFormatException("Model " + model + ": " + what + " '" + node.getName() + "' is " + info.type + " " + Arrays.toString(shape) + "; Renovo needs float32 [1, C, H, W] (NCHW, batch 1, -1 for dynamic sizes).");
		return shape;
	}
}
