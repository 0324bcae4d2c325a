package org.renovo.model.ncnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.renovo.error.ModelFormatException;

class NcnnWeightReaderTest {

	private static ByteBuffer bytes(final int... values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (final int v : values) b.put((byte) v);
		b.flip();
		return b;
	}

	@Test
	void fp16TagThenPaddingToFourBytes() {
		// setup: tag, 3 halves (1.0, -2.0, 0.5) = 6 bytes + 2 padding, then an untagged fp32 1.5
		final ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(NcnnWeightReader.TAG_FP16).putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3800).putShort((short) 0x7777).putFloat(1.5f).flip();
		final NcnnWeightReader r = new NcnnWeightReader(b, "w.bin");
		// process
		final NcnnWeightReader.Weights w = r.load(3, 0, "weights");
		// test
		assertEquals(NcnnWeightReader.Storage.FP16, w.storage);
		assertArrayEquals(new float[] { 1f, -2f, 0.5f }, w.values);
		assertArrayEquals(new float[] { 1.5f }, r.load(1, 1, "bias").values, "the padding was skipped");
		assertEquals(0, r.remaining());
	}

	@Test
	void int8TagThenPadding() {
		final ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(NcnnWeightReader.TAG_INT8).put(new byte[] { 1, -2, 127, -128, 5, 9, 9, 9 }).putFloat(-3f).flip();
		final NcnnWeightReader r = new NcnnWeightReader(b, "w.bin");
		final NcnnWeightReader.Weights w = r.load(5, 0, "weights");
		assertEquals(NcnnWeightReader.Storage.INT8, w.storage);
		assertArrayEquals(new float[] { 1, -2, 127, -128, 5 }, w.values);
		assertArrayEquals(new float[] { -3f }, r.load(1, 1, "bias").values);
	}

	@Test
	void untaggedAndZeroTaggedAndScaledFp32() {
		final ByteBuffer b = ByteBuffer.allocate(8 + 12 + 8).order(ByteOrder.LITTLE_ENDIAN);
		b.putFloat(0.25f).putFloat(-1f).putInt(0).putFloat(7f).putFloat(8f).putInt(NcnnWeightReader.TAG_FP32_SCALED).putFloat(9f).flip();
		final NcnnWeightReader r = new NcnnWeightReader(b, "w.bin");
		assertArrayEquals(new float[] { 0.25f, -1f }, r.load(2, 1, "raw").values);
		assertArrayEquals(new float[] { 7f, 8f }, r.load(2, 0, "tag 0").values);
		final NcnnWeightReader.Weights scaled = r.load(1, 0, "scaled");
		assertArrayEquals(new float[] { 9f }, scaled.values);
		assertEquals(NcnnWeightReader.Storage.FP32, scaled.storage);
	}

	@Test
	void anyOtherTagIsALookupTableAndIndices() {
		final ByteBuffer b = ByteBuffer.allocate(4 + 1024 + 4).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0x00010203);
		for (int i = 0; i < 256; i++) b.putFloat(i / 2f);
		b.put(new byte[] { 4, (byte) 255, 0, 0 }).flip();
		final NcnnWeightReader r = new NcnnWeightReader(b, "w.bin");
		final NcnnWeightReader.Weights w = r.load(3, 0, "lut");
		assertEquals(NcnnWeightReader.Storage.LUT, w.storage);
		assertArrayEquals(new float[] { 2f, 127.5f, 0f }, w.values);
		assertEquals(0, r.remaining());
	}

	@Test
	void truncatedDataNamesFileOffsetAndWhat() {
		final NcnnWeightReader r = new NcnnWeightReader(bytes(0x47, 0x6b, 0x30, 0x01, 0, 0x3c), "w.bin");
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> r.load(3, 0, "line 4, Convolution 'c': weight_data"));
		assertTrue(e.getMessage().contains("w.bin") && e.getMessage().contains("byte 4") && e.getMessage().contains("Convolution 'c'") && e.getMessage().contains("truncated"), e.getMessage());
		assertThrows(ModelFormatException.class, () -> new NcnnWeightReader(bytes(1, 2), "w.bin").load(1, 0, "tag"));
		assertThrows(ModelFormatException.class, () -> new NcnnWeightReader(bytes(), "w.bin").load(Integer.MAX_VALUE, 1, "huge"));
	}

	@Test
	void halfPrecisionSpecialValues() {
		assertEquals(0x1p-24f, NcnnWeightReader.halfToFloat((short) 0x0001), "smallest subnormal");
		assertEquals(65504f, NcnnWeightReader.halfToFloat((short) 0x7bff));
		assertEquals(Float.NEGATIVE_INFINITY, NcnnWeightReader.halfToFloat((short) 0xfc00));
		assertTrue(Float.isNaN(NcnnWeightReader.halfToFloat((short) 0x7e00)));
		assertEquals(-0f, NcnnWeightReader.halfToFloat((short) 0x8000));
		assertEquals(0.1f, NcnnWeightReader.halfToFloat((short) 0x2e66), 1e-4f);
	}
}
