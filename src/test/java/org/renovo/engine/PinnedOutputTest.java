package org.renovo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.renovo.model.onnx.OnnxGraphBuilder;

/**
 * {@link InferenceSession#run(FloatBuffer, long[], FloatBuffer, long[])}: the output lands in the
 * caller's buffer with exactly the values of a plain run, and anything ONNX Runtime cannot write into
 * (another shape, a heap buffer, a small buffer) falls back to the plain run.
 */
class PinnedOutputTest {

	private static final long[] IN = { 1, 3, 5, 7 }, OUT = { 1, 3, 10, 14 };

	@TempDir
	static Path dir;
	private static InferenceEngine engine;
	private static InferenceSession session;

	@BeforeAll
	static void open() throws IOException {
		final Path model = dir.resolve("nearest-x2-plus-one.onnx");
		final OnnxGraphBuilder g = new OnnxGraphBuilder("nearest-x2-plus-one");
		final String x = g.input("input", 3);
		final String up = g.node("Resize", Arrays.asList(x, "", g.constant("scales", new float[] { 1, 1, 2, 2 }, 4)), OnnxGraphBuilder.text("mode", "nearest"));
		g.output(g.node("Add", Arrays.asList(up, g.constant("one", new float[] { 1 }, 1))), 3);
		g.write(model);
		engine = new OrtInferenceEngine();
		session = engine.session(model, DeviceChoice.CPU);
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void writesThePlainResultIntoTheCallersBuffer() {
		// setup
		final FloatBuffer input = randomInput();
		final FloatBuffer output = direct(3 * 10 * 14);
		// process
		final Tensor plain = session.run(input, IN);
		final Tensor pinned = session.run(input, IN, output, OUT);
		// test
		assertArrayEquals(OUT, pinned.shape());
		assertArrayEquals(values(plain), values(pinned));
		assertArrayEquals(values(plain), values(new Tensor(output, OUT)), "the values are in the caller's buffer");
	}

	@Test
	void fallsBackToThePlainRunForAnotherShape() {
		final FloatBuffer input = randomInput();
		final Tensor t = session.run(input, IN, direct(3 * 12 * 12), new long[] { 1, 3, 12, 12 });
		assertArrayEquals(OUT, t.shape());
		assertArrayEquals(values(session.run(input, IN)), values(t));
	}

	@Test
	void fallsBackToThePlainRunForAHeapOrSmallBuffer() {
		final FloatBuffer input = randomInput();
		final float[] expected = values(session.run(input, IN));
		assertArrayEquals(expected, values(session.run(input, IN, FloatBuffer.allocate(3 * 10 * 14), OUT)));
		assertArrayEquals(expected, values(session.run(input, IN, direct(3 * 10 * 13), OUT)));
	}

	@Test
	void leavesTheInputPositionAlone() {
		final FloatBuffer input = randomInput();
		session.run(input, IN, direct(3 * 10 * 14), OUT);
		assertEquals(0, input.position());
		assertEquals(3 * 5 * 7, input.limit());
	}

	private static FloatBuffer randomInput() {
		final Random random = new Random(7);
		final FloatBuffer b = direct(3 * 5 * 7);
		while (b.hasRemaining())
			b.put(random.nextFloat());
		b.flip();
		return b;
	}

	private static FloatBuffer direct(final int n) {
		return ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
	}

	private static float[] values(final Tensor t) {
		final FloatBuffer d = t.data().duplicate();
		final float[] v = new float[d.remaining()];
		d.get(v);
		return v;
	}
}
