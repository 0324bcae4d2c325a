package org.renovo.batch;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;

import org.renovo.imagej.OutputFormat;

/** How a batch writes one result; {@link org.renovo.imagej.ImageFiles#write} except in tests that simulate a full disk. */
@FunctionalInterface
interface ImageWriter {

	/** @throws IOException when the file cannot be written; the batch then stops */
	void write(ImagePlus image, Path output, OutputFormat format) throws IOException;
}
