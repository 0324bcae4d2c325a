package org.renovo.model.ncnn;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code key=value} parameters of one ncnn layer, typed as ncnn types them: a literal is a float
 * iff it contains {@code .}, {@code e} or {@code E}, else an int; arrays type each element the same way.
 * NB: ncnn keeps a scalar in a union, so reading an int-typed value as a float reinterprets its bits
 * ({@code Clip 1=6} gives a max of 8.4e-45, not 6), and the other way round; this class does the same,
 * so a converted model computes what ncnn computes. Reading a scalar as an array gives an empty array and
 * a non-string as a string gives "", as in ncnn. Immutable.
 */
final class ParamDict {

	enum Kind { INT, FLOAT, ARRAY, STRING }

	/** One value: scalar bits, array element bits, or text. */
	static final class Value {
		final Kind kind;
		final int[] bits;
		final String text;

		Value(final Kind kind, final int[] bits, final String text) {
			this.kind = kind;
			this.bits = bits;
			this.text = text;
		}
	}

	static final ParamDict EMPTY = new ParamDict(Collections.emptyMap());

	private final Map<Integer, Value> values;

	ParamDict(final Map<Integer, Value> values) {
		this.values = Collections.unmodifiableMap(new TreeMap<>(values));
	}

	boolean has(final int id) {
		return values.containsKey(id);
	}

	/** The value's kind, or null when absent. */
	Kind kind(final int id) {
		final Value v = values.get(id);
		return v == null ? null : v.kind;
	}

	int getInt(final int id, final int fallback) {
		final Value v = values.get(id);
		return v == null ? fallback : v.kind == Kind.INT || v.kind == Kind.FLOAT ? v.bits[0] : 0;
	}

	float getFloat(final int id, final float fallback) {
		final Value v = values.get(id);
		return v == null ? fallback : Float.intBitsToFloat(v.kind == Kind.INT || v.kind == Kind.FLOAT ? v.bits[0] : 0);
	}

	/** The array, or an empty one when absent or not an array. */
	int[] getInts(final int id) {
		final Value v = values.get(id);
		return v == null || v.kind != Kind.ARRAY ? new int[0] : v.bits.clone();
	}

	float[] getFloats(final int id) {
		final int[] bits = getInts(id);
		final float[] f = new float[bits.length];
		for (int i = 0; i < bits.length; i++)
			f[i] = Float.intBitsToFloat(bits[i]);
		return f;
	}

	String getString(final int id, final String fallback) {
		final Value v = values.get(id);
		return v == null ? fallback : v.kind == Kind.STRING ? v.text : "";
	}

	@Override
	public String toString() {
		return "ParamDict" + values.keySet();
	}
}
