package org.renovo.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Direct, native-order float buffers for tile tensors, kept for reuse between runs. NB: fresh native
 * memory costs a page fault per 4 KB when first written (16 MB took 45 ms on the benchmark's virtual
 * machine, longer than the whole pipeline's own work on that tile), and a direct buffer is freed only
 * when a collection happens to find it; a buffer given back here is written again without faults.
 * Keeps at most {@value #SPARES} buffers, the largest, for the life of the JVM. Thread-safe.
 * <pre>{@code
 * FloatBuffer b = DirectBuffers.borrow(n);
 * try { ... } finally { DirectBuffers.give(b); }
 * }</pre>
 */
public final class DirectBuffers {

	/** NB: a run holds two (a tile's input and output); two more serve a second run at the same time. */
	static final int SPARES = 4;
	private static final List<FloatBuffer> spares = new ArrayList<>();

	private DirectBuffers() {}

	/**
	 * A buffer of at least {@code floats} capacity, position 0 and limit {@code floats}, with whatever
	 * values it last held; the caller owns it until it gives it back.
	 *
	 * @throws ArithmeticException beyond 2 GB, the most a direct buffer holds
	 */
	public static FloatBuffer borrow(final int floats) {
		final int bytes = Math.multiplyExact(floats, Float.BYTES);
		FloatBuffer b = takeSpare(floats);
		if (b == null) b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
		b.clear().limit(floats);
		return b;
	}

	/** Gives back a buffer from {@link #borrow}; the caller must not use it afterwards. */
	public static synchronized void give(final FloatBuffer buffer) {
		spares.add(buffer);
		spares.sort(Comparator.comparingInt(FloatBuffer::capacity));
		if (spares.size() > SPARES) spares.remove(0);
	}

	/** Forgets every spare (for tests, which share this JVM-wide pool). */
	static synchronized void clear() {
		spares.clear();
	}

	/** The smallest spare that holds {@code floats}, or null. */
	private static synchronized FloatBuffer takeSpare(final int floats) {
		for (int i = 0; i < spares.size(); i++)
			if (spares.get(i).capacity() >= floats) return spares.remove(i);
		return null;
	}
}
