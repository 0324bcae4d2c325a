package org.renovo.cli;

import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.plugin.JpegWriter;
import ij.plugin.PNG_Writer;
import ij.process.LUT;

/**
 * The file types the CLI writes, chosen by the output's extension, and what each can hold:
 * TIFF everything ImageJ has (8/16/32-bit, RGB, stacks and hyperstacks, calibration); PNG one plane of
 * 8-bit, RGB or 16-bit gray (a true 16-bit PNG); JPEG one plane of 8-bit or RGB.
 */
enum OutputFormat {
	TIFF, PNG, JPEG;

	/** JPEG quality (0–100); NB: above ImageJ's default of 85 because an upscale exists to keep detail. */
	static final int JPEG_QUALITY = 95;

	/** @throws UsageException for an extension other than .tif, .tiff, .png, .jpg or .jpeg */
	static OutputFormat of(final Path output) {
		final String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) return TIFF;
		if (name.endsWith(".png")) return PNG;
		if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return JPEG;
		throw new UsageException("Cannot write '" + output.getFileName() + "': the output must end in .tif, .tiff, .png, .jpg or .jpeg");
	}

	/**
	 * Checks, before any model runs, that an image of {@code image}'s type and stack size fits this format.
	 *
	 * @throws UsageException naming what does not fit and suggesting .tif
	 */
	void check(final ImagePlus image, final Path output) {
		if (this == TIFF) return;
		final String file = "Cannot write " + output.getFileName() + ": ";
		if (image.getStackSize() > 1) throw new UsageException(file + name() + " holds one plane but the image has " + image.getStackSize() + " (channels, slices or frames); use .tif");
		if (image.getBitDepth() == 32) throw new UsageException(file + name() + " cannot hold 32-bit float values; use .tif");
		if (this == JPEG && image.getBitDepth() == 16) throw new UsageException(file + "JPEG holds 8-bit and RGB only, the image is 16-bit; use .tif or .png");
	}

	/** Writes {@code image} to {@code file}; the caller has run {@link #check}. @throws Exception from ImageJ's writers */
	boolean write(final ImagePlus image, final Path file) throws Exception {
		switch (this) {
			case TIFF: return image.getStackSize() > 1 ? new FileSaver(image).saveAsTiffStack(file.toString()) : new FileSaver(image).saveAsTiff(file.toString());
			case PNG: writePng(image, file); return true;
			default: return JpegWriter.save(image, file.toString(), JPEG_QUALITY) == null;
		}
	}

	private static void writePng(final ImagePlus image, final Path file) throws Exception {
		// NB: ImageJ writes 16 bits only for a grey LUT; any other LUT gives an 8-bit rendering of the display.
		if (image.getBitDepth() == 16) image.getProcessor().setLut(LUT.createLutFromColor(java.awt.Color.WHITE));
		// NB: -1 = no transparent index; 0 would make black pixels of an 8-bit image transparent.
		new PNG_Writer().writeImage(image, file.toString(), -1);
	}
}
