package org.renovo.model.ncnn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.renovo.error.ModelFormatException;

/**
 * Reads weight arrays from an ncnn {@code .bin} in the order the layers ask for them (docs/NCNN.md §2):
 * {@code load(count, 1)} is {@code count} raw little-endian fp32; {@code load(count, 0)} first reads a
 * 4-byte tag: {@code 0x01306B47} fp16, {@code 0x000D4B38} int8, {@code 0x0002C056} fp32, 0 fp32, any
 * other tag a 256-entry fp32 lookup table followed by {@code count} uint8 indices. fp16, int8 and index
 * data are padded to a multiple of 4 bytes. Every shortfall is a {@link ModelFormatException} naming the
 * file, the byte offset and what was being read. Not thread-safe.
 */
final class NcnnWeightReader {

	/** How an array was stored; values are always returned widened to float. */
	enum Storage { FP32, FP16, INT8, LUT }

	/** One weight array. */
	static final class Weights {
		final float[] values;
		final Storage storage;

		Weights(final float[] values, final Storage storage) {
			this.values = values;
			this.storage = storage;
		}
	}

	static final int TAG_FP16 = 0x01306B47, TAG_INT8 = 0x000D4B38, TAG_FP32_SCALED = 0x0002C056;

	private final ByteBuffer data;
	private final String file;

	NcnnWeightReader(final ByteBuffer data, final String file) {
		this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		this.file = file;
	}

	/**
	 * Reads {@code count} weights of {@code type} (0: tagged, 1: raw fp32) for {@code what}, e.g.
	 * {@code "line 4, Convolution 'conv1': weight_data"}.
	 */
	Weights load(final int count, final int type, final String what) {
		if (count < 0) throw error(what, "a negative weight count " + count);
		if (type == 1) return new Weights(fp32(count, what), Storage.FP32);
		if (type != 0) throw new IllegalArgumentException("ncnn weight type is 0 or 1, got " + type);
		need(4, what, "its 4-byte storage tag");
		final int tag = data.getInt();
		switch (tag) {
			case TAG_FP16: return new Weights(fp16(count, what), Storage.FP16);
			case TAG_INT8: return new Weights(int8(count, what), Storage.INT8);
			case TAG_FP32_SCALED:
			case 0: return new Weights(fp32(count, what), Storage.FP32);
			default: return new Weights(lut(count, what), Storage.LUT);
		}
	}

	/** Bytes not read yet. */
	int remaining() {
		return data.remaining();
	}

	int position() {
		return data.position();
	}

	// -- Helper methods --

	private float[] fp32(final int count, final String what) {
		need(4L * count, what, count + " fp32 values");
		final float[] v = new float[count];
		data.asFloatBuffer().get(v);
		data.position(data.position() + 4 * count);
		return v;
	}

	private float[] fp16(final int count, final String what) {
		final long bytes = align4(2L * count);
		need(bytes, what, count + " fp16 values");
		final float[] v = new float[count];
		final int start = data.position();
		for (int i = 0; i < count; i++)
			v[i] = halfToFloat(data.getShort(start + 2 * i));
		data.position(start + (int) bytes);
		return v;
	}

	private float[] int8(final int count, final String what) {
		final long bytes = align4(count);
		need(bytes, what, count + " int8 values");
		final float[] v = new float[count];
		final int start = data.position();
		for (int i = 0; i < count; i++)
			v[i] = data.get(start + i);
		data.position(start + (int) bytes);
		return v;
	}

	private float[] lut(final int count, final String what) {
		final long bytes = 256 * 4L + align4(count);
		need(bytes, what, "a 256-entry lookup table and " + count + " indices");
		final float[] table = new float[256];
		data.asFloatBuffer().get(table);
		final int start = data.position() + 256 * 4;
		final float[] v = new float[count];
		for (int i = 0; i < count; i++)
			v[i] = table[data.get(start + i) & 0xff];
		data.position(start + (int) align4(count));
		return v;
	}

	private void need(final long bytes, final String what, final String items) {
		if (bytes > data.remaining())
			throw error(what, items + " (" + bytes + " bytes) but only " + data.remaining() + " bytes remain");
	}

	private ModelFormatException error(final String what, final String problem) {
		return new ModelFormatException(file + ": at byte " + data.position() + ", " + what + " needs " + problem
			+ ": the .bin is truncated, or does not belong to this .param.");
	}

	private static long align4(final long n) {
		return (n + 3) & ~3L;
	}

	/** IEEE 754 binary16 to float, subnormals, infinities and NaN included (Java 11 has no Float.float16ToFloat). */
	static float halfToFloat(final short h) {
		final int sign = (h >>> 15) & 1, exp = (h >>> 10) & 0x1f, mant = h & 0x3ff;
		final float magnitude;
		if (exp == 0) magnitude = mant * 0x1p-24f;
		else if (exp == 31) magnitude = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
		else magnitude = Float.intBitsToFloat((exp + 112) << 23 | mant << 13);
		return sign == 0 ? magnitude : -magnitude;
	}
}
