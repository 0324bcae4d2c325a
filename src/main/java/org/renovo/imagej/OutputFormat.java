package org.renovo.imagej;

import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.plugin.JpegWriter;
import ij.plugin.PNG_Writer;
import ij.process.LUT;

import org.renovo.error.InvalidOptionsException;

/**
 * The file types Renovo writes, chosen by the output's extension, and what each can hold:
 * TIFF everything ImageJ has (8/16/32-bit, RGB, stacks and hyperstacks, calibration); PNG one plane of
 * 8-bit, RGB or 16-bit gray (a true 16-bit PNG); JPEG one plane of 8-bit or RGB.
 */
public enum OutputFormat {
	TIFF("tif"), PNG("png"), JPEG("jpg");

	private final String extension;

	OutputFormat(final String extension) {
		this.extension = extension;
	}

	/** The extension Renovo gives files of this format, without the dot: {@code tif}, {@code png} or {@code jpg}. */
	public String extension() {
		return extension;
	}

	/** @throws InvalidOptionsException for a name other than tif, tiff, png, jpg or jpeg (any case) */
	public static OutputFormat named(final String name) {
		switch (name.toLowerCase(Locale.ROOT)) {
			case "tif": case "tiff": return TIFF;
			case "png": return PNG;
			case "jpg": case "jpeg": return JPEG;
			default: throw new InvalidOptionsException("Unknown output format '" + name + "': use tif, png or jpg");
		}
	}

	/** JPEG quality (0–100); NB: above ImageJ's default of 85 because an upscale exists to keep detail. */
	static final int JPEG_QUALITY = 95;

	/** @throws InvalidOptionsException for an extension other than .tif, .tiff, .png, .jpg or .jpeg */
	public static OutputFormat of(final Path output) {
		final String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) return TIFF;
		if (name.endsWith(".png")) return PNG;
		if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return JPEG;
		throw new InvalidOptionsException("Cannot write '" + output.getFileName() + "': the output must end in .tif, .tiff, .png, .jpg or .jpeg");
	}

	/**
	 * Checks, before any model runs, that an image of {@code image}'s type and stack size fits this format.
	 *
	 * @throws InvalidOptionsException naming what does not fit and suggesting .tif
	 */
	public void check(final ImagePlus image, final Path output) {
		if (this == TIFF) return;
		final String file = "Cannot write " + output.getFileName() + ": ";
		if (image.getStackSize() > 1) throw new InvalidOptionsException(file + name() + " holds one plane but the image has " + image.getStackSize() + " (channels, slices or frames); use .tif");
		if (image.getBitDepth() == 32) throw new InvalidOptionsException(file + name() + " cannot hold 32-bit float values; use .tif");
		if (this == JPEG && image.getBitDepth() == 16) throw new InvalidOptionsException(file + "JPEG holds 8-bit and RGB only, the image is 16-bit; use .tif or .png");
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
