package org.renovo.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One model of the models folder as found on disk: its id, its {@code <id>.onnx} (which may be missing),
 * its card {@code <id>.json} (which may be absent), and what keeps it from being used, if anything. A model
 * is {@linkplain #isUsable() usable} when its file is present and its card, if any, is valid and names it.
 * Immutable; a snapshot, so read the folder again after a change.
 */
public final class InstalledModel {

	/** How a model stands; {@link #label()} is what tables show. */
	public enum Status {
		OK("ok"), MISSING_FILE("missing file"), BAD_CARD("bad card");

		private final String label;

		Status(final String label) {
			this.label = label;
		}

		public String label() { return label; }
	}

	private final String id;
	private final Path file, cardFile;
	private final ModelCard card;
	private final Status status;
	private final String problem;

	InstalledModel(final String id, final Path file, final Path cardFile, final ModelCard card, final Status status, final String problem) {
		this.id = id;
		this.file = file;
		this.cardFile = cardFile;
		this.card = card;
		this.status = status;
		this.problem = problem;
	}

	public String id() { return id; }
	/** Where the model's ONNX file is or should be: {@code <folder>/<id>.onnx}. */
	public Path file() { return file; }
	/** Where its card is or would be: {@code <folder>/<id>.json}. */
	public Path cardFile() { return cardFile; }
	/** The valid card naming this model; empty without a card or when the card was refused. */
	public Optional<ModelCard> card() { return Optional.ofNullable(card); }
	public Status status() { return status; }
	/** What is wrong, with what to do; empty when the status is OK. */
	public Optional<String> problem() { return Optional.ofNullable(problem); }

	public boolean isUsable() {
		return status == Status.OK;
	}

	/** The ONNX file's size in bytes, 0 when it is missing. */
	public long sizeOnDisk() {
		try {
			return Files.isRegularFile(file) ? Files.size(file) : 0;
		}
		catch (final IOException e) {
			throw new org.renovo.error.ModelFormatException("Cannot read the size of " + file + ": " + e.getMessage(), e);
		}
	}

	@Override
	public String toString() {
		return "InstalledModel[" + id + ", " + status.label() + "]";
	}
}
