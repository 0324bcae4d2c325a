package org.renovo.model.ncnn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceEngine;
import org.renovo.engine.Tensor;
import org.renovo.model.Sha256;

/** Hand-made ncnn models for tests: a {@code .bin} writer, conversion, and a run through ONNX Runtime. */
final class NcnnFixture {

	private static final Path DIR = Paths.get("target", "test-models", "ncnn");

	private NcnnFixture() {}

	/** A CHW float tensor, the test's reference representation. */
	static final class Chw {
		final int c, h, w;
		final float[] v;

		Chw(final int c, final int h, final int w) {
			this(c, h, w, new float[c * h * w]);
		}

		Chw(final int c, final int h, final int w, final float[] v) {
			this.c = c;
			this.h = h;
			this.w = w;
			this.v = v;
		}

		static Chw random(final int c, final int h, final int w, final long seed) {
			final Chw t = new Chw(c, h, w);
			final Random r = new Random(seed);
			for (int i = 0; i < t.v.length; i++) t.v[i] = r.nextFloat() * 2 - 1;
			return t;
		}

		float get(final int k, final int y, final int x) { return v[(k * h + y) * w + x]; }
		void set(final int k, final int y, final int x, final float f) { v[(k * h + y) * w + x] = f; }
		void add(final int k, final int y, final int x, final float f) { v[(k * h + y) * w + x] += f; }
	}

	/** Writes a {@code .bin} in ncnn's layout. */
	static final class Bin {
		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		/** Untagged fp32 (weight type 1). */
		Bin raw(final float... v) {
			final ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
			for (final float f : v) b.putFloat(f);
			out.write(b.array(), 0, b.capacity());
			return this;
		}

		/** Tagged (weight type 0) with tag 0: fp32. */
		Bin tagged(final float... v) {
			raw(Float.intBitsToFloat(0));
			return raw(v);
		}

		byte[] bytes() { return out.toByteArray(); }
	}

	static float[] randoms(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = r.nextFloat() - 0.5f;
		return v;
	}

	static NcnnModel convert(final String param, final byte[] bin) {
		return NcnnToOnnxConverter.convert(NcnnParamParser.parse(param, "test.param"), ByteBuffer.wrap(bin), "test.bin");
	}

	/** Runs the model on {@code x} through ONNX Runtime; the result as a CHW tensor. */
	static Chw run(final InferenceEngine engine, final NcnnModel model, final Chw x) {
		final byte[] bytes = model.toBytes();
		final Path file = DIR.resolve(Sha256.of(bytes) + ".onnx");
		try {
			if (!Files.exists(file)) model.write(file);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		final FloatBuffer in = ByteBuffer.allocateDirect(4 * x.v.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
		in.put(x.v).flip();
		final Tensor t = engine.session(file, DeviceChoice.CPU).run(in, new long[] { 1, x.c, x.h, x.w });
		final long[] s = t.shape();
		final Chw y = new Chw((int) s[1], (int) s[2], (int) s[3]);
		t.data().get(y.v);
		return y;
	}

	static String param(final String... layers) {
		return "7767517\n" + layers.length + " " + (layers.length + 8) + "\n" + String.join("\n", layers) + "\n";
	}
}
