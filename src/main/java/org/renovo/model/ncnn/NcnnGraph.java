package org.renovo.model.ncnn;

import java.util.Collections;
import java.util.List;

/**
 * A parsed {@code .param} file: its layers in file order, which is also the order their weights are
 * stored in the {@code .bin}. Blobs are keyed by name; every consumed blob is produced by an earlier
 * layer, and no blob is produced twice ({@link NcnnParamParser} checks both). Immutable.
 */
public final class NcnnGraph {

	private final String file;
	private final List<NcnnLayer> layers;

	NcnnGraph(final String file, final List<NcnnLayer> layers) {
		this.file = file;
		this.layers = Collections.unmodifiableList(layers);
	}

	/** The file name the graph was read from, for messages. */
	public String file() { return file; }

	public int layerCount() { return layers.size(); }

	List<NcnnLayer> layers() { return layers; }
}
