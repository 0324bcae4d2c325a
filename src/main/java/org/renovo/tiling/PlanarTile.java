package org.renovo.tiling;

import java.nio.FloatBuffer;

/**
 * A model's output for one tile, planar and channel-major: value {@code (c, x, y)} is at
 * {@code data.get((c * height + y) * width + x)}. Wraps the buffer without copying; the caller keeps
 * ownership and must keep it valid until {@link OverlapBlender#add} returns.
 */
public final class PlanarTile {

	private final FloatBuffer data;
	private final int channels, width, height;

	public PlanarTile(final FloatBuffer data, final int channels, final int width, final int height) {
		if (data.remaining() < (long) channels * width * height) throw new IllegalArgumentException("Tile buffer holds " + data.remaining() + " values, expected " + channels + "x" + height + "x" + width);
		this.data = data;
		this.channels = channels;
		this.width = width;
		this.height = height;
	}

	public int channels() { return channels; }
	public int width() { return width; }
	public int height() { return height; }

	float get(final int c, final int x, final int y) {
		return data.get(data.position() + (c * height + y) * width + x);
	}

	/** Copies {@code row.length} values of channel {@code c}, row {@code y}, from column {@code x} on into {@code row}. */
	void row(final int c, final int x, final int y, final float[] row) {
		final FloatBuffer view = data.duplicate();
		view.position(data.position() + (c * height + y) * width + x);
		view.get(row);
	}
}
