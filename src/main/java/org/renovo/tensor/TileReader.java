package org.renovo.tensor;

import java.nio.FloatBuffer;
import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.renovo.tiling.Box;
import org.renovo.tiling.EdgeMode;

/**
 * Copies a tile's source interval out of image planes into a model input tensor: extension at the
 * image edges ({@link EdgeMode}, mirror by default), value mapping into the model's range, layout by
 * {@link TensorLayout}. Fusing the three into one pass is why this is a loop of its own rather than
 * {@code PrimitiveBlocks} over {@code Views.extendMirrorSingle} (which also fails for 1-pixel axes).
 * The buffer is direct and native-order, as ONNX Runtime needs to avoid a copy, reused across tiles,
 * and borrowed from {@link DirectBuffers}, to which {@link #close()} gives it back. Not thread-safe;
 * reads the planes only.
 */
public final class TileReader implements AutoCloseable {

	private FloatBuffer buffer;

	/**
	 * Fills and returns this reader's buffer (valid until the next call) for {@code source}, reading
	 * {@code planes} (one per model input channel, the same plane may repeat) through {@code mapping}.
	 */
	public FloatBuffer read(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> planes, final Box source, final ValueMapping mapping) {
		return read(planes, source, mapping, EdgeMode.REFLECT);
	}

	/** As {@link #read(List, Box, ValueMapping)}, extending the image past its edges by {@code edge}. */
	public FloatBuffer read(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> planes, final Box source, final ValueMapping mapping, final EdgeMode edge) {
		final int w = source.width(), h = source.height(), n = planes.size() * w * h;
		final FloatBuffer out = buffer(n);
		final int[] xs = extended(source.x(), w, (int) planes.get(0).dimension(0), edge);
		for (int c = 0; c < planes.size(); c++) {
			final RandomAccessibleInterval<? extends RealType<?>> plane = planes.get(c);
			final int height = (int) plane.dimension(1);
			final RandomAccess<? extends RealType<?>> ra = plane.randomAccess();
			for (int y = 0; y < h; y++) {
				final int base = TensorLayout.index(c, 0, y, w, h);
				ra.setPosition(edge.index(source.y() + y, height) + plane.min(1), 1);
				for (int x = 0; x < w; x++) {
					ra.setPosition(xs[x] + plane.min(0), 0);
					out.put(base + x, mapping.toModel(ra.get().getRealDouble()));
				}
			}
		}
		out.limit(n);
		return out;
	}

	/** Gives the buffer back; the last {@link #read} result is invalid afterwards. */
	@Override
	public void close() {
		if (buffer != null) DirectBuffers.give(buffer);
		buffer = null;
	}

	private FloatBuffer buffer(final int n) {
		if (buffer == null || buffer.capacity() < n) {
			close();
			buffer = DirectBuffers.borrow(n);
		}
		buffer.clear();
		return buffer;
	}

	private static int[] extended(final int start, final int length, final int extent, final EdgeMode edge) {
		final int[] xs = new int[length];
		for (int i = 0; i < length; i++)
			xs[i] = edge.index(start + i, extent);
		return xs;
	}
}
