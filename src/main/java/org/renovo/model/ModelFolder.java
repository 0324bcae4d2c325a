package org.renovo.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.renovo.error.ModelFormatException;
import org.renovo.model.InstalledModel.Status;
import org.renovo.model.onnx.DemoModel;

/**
 * Reads a models folder into {@link InstalledModel}s, one per id that has an {@code <id>.onnx} or an
 * {@code <id>.json}, in id order. A bad card makes only its own model unusable: a card that is not valid,
 * or whose {@code id} is not its file name (the card named after an id owns it; another card claiming
 * that id is refused, naming both files). Hidden files and the generated {@code demo-x2} are left out.
 */
final class ModelFolder {

	private ModelFolder() {}

	static List<InstalledModel> scan(final Path dir) {
		final List<InstalledModel> models = new ArrayList<>();
		if (!Files.isDirectory(dir)) return models;
		final TreeSet<String> ids = new TreeSet<>();
		final Map<String, Path> cards = new TreeMap<>();
		for (final Path p : files(dir)) {
			final String name = p.getFileName().toString();
			if (name.endsWith(".onnx")) ids.add(name.substring(0, name.length() - 5));
			if (name.endsWith(".json")) cards.put(name.substring(0, name.length() - 5), p);
		}
		ids.addAll(cards.keySet());
		ids.remove(DemoModel.ID);
		for (final String id : ids)
			models.add(entry(dir, id, cards));
		return models;
	}

	private static InstalledModel entry(final Path dir, final String id, final Map<String, Path> cards) {
		final Path file = dir.resolve(id + ".onnx"), cardFile = dir.resolve(id + ".json");
		ModelCard card = null;
		String problem = null;
		if (cards.containsKey(id)) {
			try {
				card = ModelCard.read(cardFile);
				if (!id.equals(card.id())) problem = wrongId(cardFile, card.id(), cards);
			}
			catch (final ModelFormatException e) {
				problem = firstLine(e);
			}
		}
		if (problem != null) return new InstalledModel(id, file, cardFile, null, Status.BAD_CARD, problem + " Model '" + id + "' is not offered until its card is fixed or removed.");
		if (!Files.isRegularFile(file)) return new InstalledModel(id, file, cardFile, card, Status.MISSING_FILE,
			"Model '" + id + "' has a card " + cardFile + " but its file " + file.getFileName() + " is missing: install it again, or remove the model (action=remove, or 'renovo models remove --id " + id + "').");
		return new InstalledModel(id, file, cardFile, card, Status.OK, null);
	}

	private static String wrongId(final Path cardFile, final String claimed, final Map<String, Path> cards) {
		if (cards.containsKey(claimed)) return cardFile + " claims id '" + claimed + "', which " + cards.get(claimed) + " already has: the duplicate is ignored; a card is named <id>.json, so rename it or correct its 'id'.";
		return cardFile + ": field 'id' is '" + claimed + "' but the card is named " + cardFile.getFileName() + "; a card is named <id>.json: rename it or correct its 'id'.";
	}

	/** NB: the exception's anchor line is for the CLI; a table shows the reason only. */
	private static String firstLine(final ModelFormatException e) {
		return e.getMessage().split("\\R", 2)[0];
	}

	private static List<Path> files(final Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot list the models folder " + dir + ": " + e.getMessage(), e);
		}
	}
}
