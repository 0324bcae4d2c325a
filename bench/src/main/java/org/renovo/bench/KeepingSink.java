package org.renovo.bench;

import java.util.Map;
import java.util.TreeMap;

import org.renovo.pipeline.PlaneSink;

/** Keeps every output plane it receives, as a caller building the result image would. */
final class KeepingSink implements PlaneSink {

	private final Map<Integer, float[][]> planes = new TreeMap<>();

	@Override
	public void accept(final int index, final float[][] components) {
		planes.put(index, components);
	}

	float[][] plane(final int index) {
		return planes.get(index);
	}
}
