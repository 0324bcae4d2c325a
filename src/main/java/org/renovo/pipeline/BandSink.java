package org.renovo.pipeline;

/**
 * Receives an output image band by band, for results too large to hold whole (see
 * {@link RestorationPipeline#stream}): planes in stack order, each from its top row down.
 */
public interface BandSink {

	/** Band heights are a multiple of this (e.g. a TIFF tile's height), except a plane's last band. */
	int rowMultiple();

	/**
	 * @param plane the plane's index in the input's stack order
	 * @param y the band's first output row
	 * @param components one row-major array of {@code rows × outWidth} values per component, in the input
	 *        image's units; the sink may keep them
	 */
	void accept(int plane, int y, float[][] components);

	/**
	 * True when a plane may be delivered again from its top (the sink overwrites rows it holds), so a plane
	 * that ran out of model memory can run again with smaller tiles. A file being written cannot.
	 */
	default boolean acceptsRepeats() {
		return false;
	}
}
