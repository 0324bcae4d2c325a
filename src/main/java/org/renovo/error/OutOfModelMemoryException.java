package org.renovo.error;

/**
 * ONNX Runtime could not allocate the memory a tile needs (CPU arena or GPU device memory). The
 * pipeline retries with smaller tiles; this reaches the user only when even the smallest tile fails.
 */
public final class OutOfModelMemoryException extends RenovoException {

	private static final long serialVersionUID = 1L;

	public OutOfModelMemoryException(final String message, final Throwable cause) {
		super(message, "inference", cause);
	}
}
