package org.renovo.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median, minimum and maximum of repeated measurements. Immutable. */
final class Stats {

	final double median, min, max;
	final int n;

	private Stats(final double median, final double min, final double max, final int n) {
		this.median = median;
		this.min = min;
		this.max = max;
		this.n = n;
	}

	static Stats of(final List<Double> values) {
		final double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (v.length == 0) return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
		final double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
		return new Stats(median, v[0], v[v.length - 1], v.length);
	}

	/** {@code median [min–max]} with {@code format} for each. */
	String show(final String format) {
		return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]", median, min, max);
	}

	@Override
	public String toString() {
		return show("%.3f") + " n=" + n + " " + Arrays.toString(new double[] { median, min, max });
	}
}
