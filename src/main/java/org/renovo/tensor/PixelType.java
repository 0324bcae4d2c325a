package org.renovo.tensor;

/** The pixel types Renovo reads and writes, as ImageJ stores them. */
public enum PixelType {
	/** 8-bit unsigned grayscale. */
	UINT8(1),
	/** 16-bit unsigned grayscale. */
	UINT16(1),
	/** 32-bit float grayscale. */
	FLOAT32(1),
	/** 8-bit per component red, green, blue. */
	RGB(3);

	private final int components;

	PixelType(final int components) {
		this.components = components;
	}

	/** Values per pixel: 3 for RGB, 1 otherwise. */
	public int components() {
		return components;
	}
}
