package org.renovo.error;

/** The user cancelled the run; nothing was produced and the input is unchanged. */
public final class RunCancelledException extends RenovoException {

	private static final long serialVersionUID = 1L;

	public RunCancelledException(final String message) {
		super(message, "cancel");
	}

	public RunCancelledException(final String message, final Throwable cause) {
		super(message, "cancel", cause);
	}
}
