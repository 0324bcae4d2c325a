package org.renovo.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Arrays;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;
import org.renovo.tiling.Box;
import org.renovo.tiling.EdgeMode;
import org.renovo.tiling.MirrorIndex;

class TileReaderTest {

	@Test
	void readsMirroredMappedChannelMajor() {
		// setup: a 4x3 8-bit image with value 10*y + x, and a second channel of 100 + that
		final byte[] a = new byte[12], b = new byte[12];
		for (int i = 0; i < 12; i++) { a[i] = (byte) (10 * (i / 4) + i % 4); b[i] = (byte) (100 + a[i]); }
		final Box source = Box.of(-2, -1, 7, 6);
		// process
		final FloatBuffer t = new TileReader().read(Arrays.asList(ArrayImgs.unsignedBytes(a, 4, 3), ArrayImgs.unsignedBytes(b, 4, 3)), source, ValueMapping.of(0, 255));
		// test
		assertTrue(t.isDirect());
		assertEquals(2 * 7 * 6, t.remaining());
		for (int c = 0; c < 2; c++)
			for (int y = 0; y < 6; y++)
				for (int x = 0; x < 7; x++) {
					final int v = 10 * MirrorIndex.reflect(y - 1, 3) + MirrorIndex.reflect(x - 2, 4) + 100 * c;
					assertEquals(v / 255f, t.get(TensorLayout.index(c, x, y, 7, 6)), 1e-7f, c + "," + x + "," + y);
				}
	}

	@Test
	void bufferIsReusedForTilesOfOneSize() {
		final TileReader reader = new TileReader();
		final byte[] a = new byte[16];
		final FloatBuffer first = reader.read(Arrays.asList(ArrayImgs.unsignedBytes(a, 4, 4)), Box.of(0, 0, 4, 4), ValueMapping.of(0, 1));
		final FloatBuffer second = reader.read(Arrays.asList(ArrayImgs.unsignedBytes(a, 4, 4)), Box.of(1, 1, 4, 4), ValueMapping.of(0, 1));
		assertTrue(first == second);
	}

	@Test
	void readsReplicatedEdgesWhenAsked() {
		final byte[] a = new byte[12];
		for (int i = 0; i < 12; i++) a[i] = (byte) (10 * (i / 4) + i % 4);
		final FloatBuffer t = new TileReader().read(Arrays.asList(ArrayImgs.unsignedBytes(a, 4, 3)), Box.of(-2, -1, 8, 5), ValueMapping.of(0, 1), EdgeMode.REPLICATE);
		for (int y = 0; y < 5; y++)
			for (int x = 0; x < 8; x++)
				assertEquals(10 * Math.min(2, Math.max(0, y - 1)) + Math.min(3, Math.max(0, x - 2)), t.get(TensorLayout.index(0, x, y, 8, 5)), 0f, x + "," + y);
	}
}
