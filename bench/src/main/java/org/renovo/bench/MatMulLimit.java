package org.renovo.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import org.renovo.model.onnx.OnnxGraphBuilder;

/**
 * The machine's practical floating-point limit as ONNX Runtime reaches it: a large square float32
 * MatMul (MLAS's SGEMM, the kernel convolutions also end in), with the engine's session options.
 * GFLOP/s = 2 N³ / seconds, the best of several runs after a warm-up.
 */
final class MatMulLimit {

	private MatMulLimit() {}

	static double gflops(final Path work, final int n, final int runs) throws Exception {
		final Path file = work.resolve("matmul" + n + ".onnx");
		final OnnxGraphBuilder g = new OnnxGraphBuilder("matmul");
		final Random r = new Random(1);
		final float[] b = new float[n * n];
		for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() - 0.5f;
		final String a = g.input("a", 1);
		final String product = g.node("MatMul", Arrays.asList(a, g.constant("b", b, 1, 1, n, n)));
		g.output(product, 1);
		g.write(file);
		final OrtEnvironment env = OrtEnvironment.getEnvironment();
		final OrtSession.SessionOptions options = new OrtSession.SessionOptions();
		options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
		options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
		try (OrtSession session = env.createSession(file.toString(), options)) {
			final FloatBuffer input = ByteBuffer.allocateDirect(n * n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
			for (int i = 0; i < n * n; i++) input.put(i, r.nextFloat());
			final List<Double> seconds = new ArrayList<>();
			try (OnnxTensor t = OnnxTensor.createTensor(env, input, new long[] { 1, 1, n, n })) {
				for (int i = 0; i <= runs; i++) {
					final long start = System.nanoTime();
					session.run(Collections.singletonMap("a", t)).close();
					if (i > 0) seconds.add((System.nanoTime() - start) / 1e9);
				}
			}
			return 2.0 * n * n * (double) n / Collections.min(seconds) / 1e9;
		}
		catch (final OrtException e) {
			throw new IllegalStateException("The MatMul reference failed: " + e.getMessage(), e);
		}
	}
}
