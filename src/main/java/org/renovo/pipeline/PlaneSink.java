package org.renovo.pipeline;

/** Receives finished output planes, in any order, as float values in the input image's units. */
public interface PlaneSink {

	/**
	 * @param index the plane's index in the input's stack order
	 * @param components one row-major array of {@code outWidth × outHeight} values per component;
	 *        the sink may keep them
	 */
	void accept(int index, float[][] components);
}
