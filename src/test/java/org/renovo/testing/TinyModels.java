package org.renovo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

import org.renovo.model.onnx.OnnxGraphBuilder;

import static org.renovo.model.onnx.OnnxGraphBuilder.integer;
import static org.renovo.model.onnx.OnnxGraphBuilder.ints;
import static org.renovo.model.onnx.OnnxGraphBuilder.text;

/**
 * Tiny ONNX models with known geometry, generated into {@code target/test-models} (a few hundred bytes
 * to a few KB each; not checked in, since this class makes them in milliseconds). Weights are seeded.
 */
public final class TinyModels {

	private static final Path DIR = Paths.get("target", "test-models");

	private TinyModels() {}

	/** y = x; radius 0. */
	public static Path identity(final int channels) {
		return write("identity" + channels, g -> g.node("Identity", g.input("input", channels)), channels);
	}

	/** One k×k same-padded convolution, channels → channels; radius k/2. */
	public static Path conv(final int k, final int channels) {
		return write("conv" + k + "c" + channels, g -> conv(g, g.input("input", channels), channels, channels, k, k / 2, 1), channels);
	}

	/** n stacked 3×3 convolutions; radius n. */
	public static Path convStack(final int n) {
		return write("stack" + n, g -> {
			String x = g.input("input", 3);
			for (int i = 0; i < n; i++)
				x = conv(g, x, 3, 3, 3, 1, i);
			return x;
		}, 3);
	}

	/** 3×3 convolution to 12 channels, then depth-to-space ×2 (CRD); scale 2, radius 1. */
	public static Path depthToSpace2() {
		return write("d2s2", g -> g.node("DepthToSpace", conv(g, g.input("input", 3), 3, 12, 3, 1, 0), integer("blocksize", 2), text("mode", "CRD")), 3);
	}

	/** Nearest ×2 resize (asymmetric, floor, as ncnn's Interp) then a 3×3 convolution; scale 2, radius 1. */
	public static Path nearest2() {
		return write("nearest2", g -> {
			final String scales = g.constant("scales", new float[] { 1, 1, 2, 2 }, 4);
			final String up = g.node("Resize", Arrays.asList(g.input("input", 3), "", scales), text("mode", "nearest"),
				text("coordinate_transformation_mode", "asymmetric"), text("nearest_mode", "floor"));
			return conv(g, up, 3, 3, 3, 1, 0);
		}, 3);
	}

	/** Nearest-neighbour ×factor resize alone: each pixel becomes a factor × factor block, exactly. */
	public static Path nearestOnly(final int factor) {
		return write("nearest-only" + factor, g -> {
			final String scales = g.constant("scales", new float[] { 1, 1, factor, factor }, 4);
			return g.node("Resize", Arrays.asList(g.input("input", 3), "", scales), text("mode", "nearest"),
				text("coordinate_transformation_mode", "asymmetric"), text("nearest_mode", "floor"));
		}, 3);
	}

	/** As {@link #nearestOnly} with one channel: the cheapest upscale of a gray image (no replication to RGB). */
	public static Path nearestGray(final int factor) {
		return write("nearest-gray" + factor, g -> {
			final String scales = g.constant("scales", new float[] { 1, 1, factor, factor }, 4);
			return g.node("Resize", Arrays.asList(g.input("input", 1), "", scales), text("mode", "nearest"),
				text("coordinate_transformation_mode", "asymmetric"), text("nearest_mode", "floor"));
		}, 1);
	}

	/** Two valid (unpadded) 3×3 convolutions: loses a border of 2 on each side. */
	public static Path validConv() {
		return write("valid2", g -> conv(g, conv(g, g.input("input", 3), 3, 3, 3, 0, 0), 3, 3, 3, 0, 1), 3);
	}

	/** Space-to-depth ×4, a 3×3 convolution, depth-to-space ×4: needs sizes that are multiples of 4. */
	public static Path multipleOf4() {
		return write("mult4", g -> {
			final String s2d = g.node("SpaceToDepth", g.input("input", 3), integer("blocksize", 4));
			return g.node("DepthToSpace", conv(g, s2d, 48, 48, 3, 1, 0), integer("blocksize", 4), text("mode", "DCR"));
		}, 3);
	}

	/** Squeeze-and-excitation: y = x · sigmoid(mean(x)); the output depends on the whole input. */
	public static Path globalPool() {
		return write("se", g -> {
			final String x = g.input("input", 3);
			final String gate = g.node("Sigmoid", g.node("GlobalAveragePool", x));
			return g.node("Mul", Arrays.asList(x, gate));
		}, 3);
	}

	/** A one-channel 3×3 convolution. */
	public static Path gray() {
		return conv(3, 1);
	}

	/** A model with two inputs, which Renovo must refuse. */
	public static Path twoInputs() {
		final OnnxGraphBuilder g = new OnnxGraphBuilder("two");
		final String y = g.node("Add", Arrays.asList(g.input("a", 3), g.input("b", 3)));
		g.output(y, 3);
		return save("two-inputs", g);
	}

	/** A model whose output has 4 channels for 3 in. */
	public static Path channelChange() {
		return write("c3to4", g -> conv(g, g.input("input", 3), 3, 4, 3, 1, 0), 4);
	}

	/** Bytes that are not an ONNX model. */
	public static Path corrupt() {
		try {
			Files.createDirectories(DIR);
			final Path p = DIR.resolve("corrupt.onnx");
			Files.write(p, "this is not a model".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return p;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The first half of a valid model file. */
	public static Path truncated() {
		try {
			final byte[] full = Files.readAllBytes(conv(3, 3));
			final Path p = DIR.resolve("truncated.onnx");
			Files.write(p, Arrays.copyOf(full, full.length / 2));
			return p;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An ncnn pair {@code name.param} + {@code name.bin} in {@code dir}: one padded 3×3 sharpening convolution, 3 channels. */
	public static Path ncnnSharpen(final Path dir, final String name) throws IOException {
		final String param = "7767517\n2 2\nInput in 0 1 data 0=0 1=0 2=3\nConvolution conv 1 1 data out 0=3 1=3 4=1 5=1 6=81 9=1\n";
		final Path file = Files.write(dir.resolve(name + ".param"), param.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		final java.nio.ByteBuffer bin = java.nio.ByteBuffer.allocate(4 + 81 * 4 + 3 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		bin.putInt(0);
		for (int i = 0; i < 81; i++) bin.putFloat(i % 10 == 4 ? 1.2f : -0.02f);
		for (int i = 0; i < 3; i++) bin.putFloat(0.01f);
		Files.write(dir.resolve(name + ".bin"), bin.array());
		return file;
	}

	// -- Helper methods --

	private interface Body {
		String build(OnnxGraphBuilder g);
	}

	private static Path write(final String name, final Body body, final int outChannels) {
		final OnnxGraphBuilder g = new OnnxGraphBuilder(name);
		g.output(body.build(g), outChannels);
		return save(name, g);
	}

	private static Path save(final String name, final OnnxGraphBuilder g) {
		try {
			final Path p = DIR.resolve(name + ".onnx");
			if (!Files.exists(p)) g.write(p);
			return p;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A k×k convolution with seeded positive weights summing to about 1 per output, so stacks keep their signal in range. */
	static String conv(final OnnxGraphBuilder g, final String x, final int in, final int out, final int k, final int pad, final int seed) {
		final Random random = new Random(1234 + 31 * seed + k * in * out);
		final float[] w = new float[out * in * k * k];
		for (int i = 0; i < w.length; i++)
			w[i] = (float) ((0.5 + random.nextDouble()) / (in * k * k));
		final float[] b = new float[out];
		for (int i = 0; i < out; i++)
			b[i] = (float) (random.nextDouble() * 0.1 - 0.05);
		final String wn = g.constant("w" + g.hashCode() + "_" + seed + "_" + x, w, out, in, k, k);
		final String bn = g.constant("b" + g.hashCode() + "_" + seed + "_" + x, b, out);
		return g.node("Conv", Arrays.asList(x, wn, bn), ints("pads", pad, pad, pad, pad), ints("kernel_shape", k, k));
	}
}
