package org.renovo.tensor;

import java.nio.FloatBuffer;

import org.renovo.tiling.PlanarTile;

/**
 * The one axis-order rule of Renovo: an image tile of C channels, H rows and W columns is the ONNX
 * tensor {@code [1, C, H, W]} (NCHW), which flattened is planar and channel-major, the same order as
 * ImgLib2's {@code [W, H, C]}: value {@code (c, x, y)} sits at {@code (c * H + y) * W + x}.
 * Every other class asks this one; none spells the order out again.
 */
public final class TensorLayout {

	private TensorLayout() {}

	/** The ONNX shape of a tile. */
	public static long[] shape(final int channels, final int height, final int width) {
		return new long[] { 1, channels, height, width };
	}

	public static int index(final int c, final int x, final int y, final int width, final int height) {
		return (c * height + y) * width + x;
	}

	public static int channels(final long[] shape) { return (int) check(shape)[1]; }
	public static int height(final long[] shape) { return (int) check(shape)[2]; }
	public static int width(final long[] shape) { return (int) check(shape)[3]; }

	/** Views a model output of {@code shape} as a planar tile, without copying. */
	public static PlanarTile planar(final FloatBuffer data, final long[] shape) {
		check(shape);
		return new PlanarTile(data, (int) shape[1], (int) shape[3], (int) shape[2]);
	}

	private static long[] check(final long[] shape) {
		if (shape.length != 4 || shape[0] != 1) throw new IllegalArgumentException("Expected a tensor of shape [1, C, H, W], got " + java.util.Arrays.toString(shape));
		return shape;
	}
}
