package org.renovo.error;

/**
 * An output that could not be written: a full disk, a folder that went away or became read-only. Not
 * the user's input, so the CLI exits with 1; files written before the failure are complete and kept.
 */
public final class OutputException extends RenovoException {

	private static final long serialVersionUID = 1L;

	public OutputException(final String message) {
		super(message, "output");
	}

	public OutputException(final String message, final Throwable cause) {
		super(message, "output", cause);
	}
}
