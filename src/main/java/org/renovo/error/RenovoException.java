package org.renovo.error;

/**
 * Base of every failure Renovo reports to a user: unchecked, with a message that names what was found,
 * what was expected and what to do, and a stable anchor into the README's troubleshooting section.
 */
public class RenovoException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String anchor;

	public RenovoException(final String message, final String anchor) {
		this(message, anchor, null);
	}

	public RenovoException(final String message, final String anchor, final Throwable cause) {
		super(message + "\nSee README.md#" + anchor, cause);
		this.anchor = anchor;
	}

	/** The README troubleshooting anchor, e.g. {@code model-format}. */
	public String anchor() {
		return anchor;
	}

	/** True when the failure lies in what the user gave (model, image, options), not in Renovo or the machine. */
	public boolean isBadInput() {
		return false;
	}
}
