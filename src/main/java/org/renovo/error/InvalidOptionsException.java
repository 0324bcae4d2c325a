package org.renovo.error;

/** A run option that does not fit the model or the image, such as a tile size off the model's size multiple. */
public final class InvalidOptionsException extends RenovoException {

	private static final long serialVersionUID = 1L;

	public InvalidOptionsException(final String message) {
		super(message, "options");
	}

	public InvalidOptionsException(final String message, final Throwable cause) {
		super(message, "options", cause);
	}

	@Override
	public boolean isBadInput() {
		return true;
	}
}
