package org.renovo.task;

import ij.ImagePlus;

import org.renovo.pipeline.RunMonitor;

/**
 * One command's work on one image (upscale, denoise, restore), configured up front so a batch can run
 * it on many images with the model loaded once. Never modifies its input; the result is a new image
 * whose "Info" property records every step that ran.
 */
public interface ImageTask {

	/** The command's name: {@code upscale}, {@code denoise} or {@code restore}. */
	String name();

	/**
	 * @param title the result's title
	 * @throws org.renovo.error.RenovoException for a bad model, image or option, a failed inference or a cancelled run
	 */
	ImagePlus apply(ImagePlus input, String title, RunMonitor monitor);
}
