package org.renovo.cli;

/**
 * A command line or a file that the CLI refuses before any model runs: an unknown option, a missing or
 * malformed value, an unreadable input, an output it cannot write. {@link Main} prints the message as
 * one line and exits with {@link Main#BAD_INPUT}.
 */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(final String message) {
		super(message);
	}

	UsageException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
