package org.renovo.task;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

import org.renovo.pipeline.RunMonitor;

/**
 * A task that can also write its result straight to a tiled BigTIFF as rows of tiles finish, for
 * results larger than memory (see {@link org.renovo.pipeline.RestorationPipeline#stream}).
 */
public interface StreamingTask extends ImageTask {

	/**
	 * True when the in-memory result of {@code input} (the output stack plus one float plane being
	 * blended) would not fit the heap that is free now, or a plane would exceed ImageJ's 2^31 - 1 pixels.
	 */
	boolean exceedsMemory(ImagePlus input);

	/**
	 * Runs on {@code input} and writes the result to {@code output} as a tiled BigTIFF, band by band, under
	 * a temporary name renamed when complete; on failure no output is left.
	 *
	 * @throws IOException when the file cannot be written, with the system's reason ("No space left on device")
	 * @throws org.renovo.error.RenovoException as {@link #apply}
	 */
	void streamTo(ImagePlus input, Path output, RunMonitor monitor) throws IOException;
}
