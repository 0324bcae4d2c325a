package org.renovo.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class QuantizerTest {

	@Test
	void eightBitRoundsHalfUpAndClamps() {
		final byte[] b = Quantizer.toUnsigned8(new float[] { -3f, 0.49f, 0.5f, 127.5f, 254.6f, 300f, Float.NaN });
		assertArrayEquals(new byte[] { 0, 0, 1, (byte) 128, (byte) 255, (byte) 255, 0 }, b);
	}

	@Test
	void sixteenBitKeepsTheWholeRangeWithoutWrapping() {
		final short[] s = Quantizer.toUnsigned16(new float[] { -1f, 255.5f, 40000.4f, 65535.2f, 70000f });
		assertArrayEquals(new short[] { 0, 256, (short) 40000, (short) 65535, (short) 65535 }, s);
	}

	@Test
	void rgbPacksComponents() {
		assertArrayEquals(new int[] { 0xff0a141e }, Quantizer.toRgb(new float[] { 10 }, new float[] { 20 }, new float[] { 29.6f }));
	}
}
