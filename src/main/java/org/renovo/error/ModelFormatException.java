package org.renovo.error;

/** A model file that cannot be used */
public final class ModelFormatException extends RenovoException {

	private static final long serialVersionUID = 1L;

	public ModelFormatException(final String message) {
		super(message, "model-format");
	}

	public ModelFormatException(final String message, final Throwable cause) {
		super(message, "model-format", cause);
	}

	/** NB: the model is what the user gave, so callers such as the CLI treat this as bad input. */
	@Override
	public boolean isBadInput() {
		return true;
	}
}
