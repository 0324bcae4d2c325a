package org.renovo.error;

/** ONNX Runtime failed while running a model, or no device could run it. */
public final class InferenceException extends RenovoException {

	private static final long serialVersionUID = 1L;

	public InferenceException(final String message) {
		super(message, "inference");
	}

	public InferenceException(final String message, final Throwable cause) {
		super(message, "inference", cause);
	}
}
