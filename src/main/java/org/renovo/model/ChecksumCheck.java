package org.renovo.model;

/**
 * One model's installed file checked against the SHA-256 its card records ({@code sha256.onnx}).
 * Immutable.
 */
public final class ChecksumCheck {

	/** The outcome; {@link #label()} is what tables show. */
	public enum Status {
		OK("ok"), MISMATCH("MISMATCH"), MISSING_FILE("missing file"), NO_CHECKSUM("no checksum"), BAD_CARD("bad card");

		private final String label;

		Status(final String label) {
			this.label = label;
		}

		public String label() { return label; }
	}

	private final String id;
	private final Status status;
	private final String detail;

	ChecksumCheck(final String id, final Status status, final String detail) {
		this.id = id;
		this.status = status;
		this.detail = detail;
	}

	public String id() { return id; }
	public Status status() { return status; }
	/** What was compared, or why nothing could be: expected and actual digests for a mismatch. */
	public String detail() { return detail; }

	@Override
	public String toString() {
		return id + ": " + status.label() + " (" + detail + ")";
	}
}
