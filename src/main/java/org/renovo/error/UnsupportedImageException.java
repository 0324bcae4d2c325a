package org.renovo.error;

/** An image Renovo cannot process */
public final class UnsupportedImageException extends RenovoException {

	private static final long serialVersionUID = 1L;

	public UnsupportedImageException(final String message) {
		super(message, "image-input");
	}

	public UnsupportedImageException(final String message, final Throwable cause) {
		super(message, "image-input", cause);
	}

	/** NB: the image is what the user gave, so callers such as the CLI treat this as bad input. */
	@Override
	public boolean isBadInput() {
		return true;
	}
}
