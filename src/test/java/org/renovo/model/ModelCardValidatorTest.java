package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renovo.error.ModelFormatException;

/** {@code models/card.schema.json}, the hand-written {@link ModelCardValidator} and the committed cards agree. */
class ModelCardValidatorTest {

	private static final Path SCHEMA = Paths.get("models", "card.schema.json");
	private static final Path CARDS = Paths.get("models", "cards");

	@Test
	void everyCommittedCardIsValidAndNamedAfterItsId() throws IOException {
		final List<Path> cards;
		try (Stream<Path> files = Files.list(CARDS)) {
			cards = files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
		}
		assertEquals(26, cards.size());
		for (final Path card : cards) {
			final ModelCard c = ModelCard.read(card);
			assertEquals(card.getFileName().toString(), c.id() + ".json");
			assertTrue(ModelCardValidator.TASKS.contains(c.task()), card.toString());
		}
	}

	@Test
	void schemaAndValidatorAgree() throws IOException {
		final JsonObject schema = schema();
		assertEquals(ModelCardValidator.REQUIRED, strings(schema.getAsJsonArray("required")));
		final JsonObject properties = schema.getAsJsonObject("properties");
		assertEquals(new TreeSet<>(ModelCardValidator.knownFields()), new TreeSet<>(properties.keySet()));
		assertEquals(ModelCardValidator.TASKS, strings(properties.getAsJsonObject("task").getAsJsonArray("enum")));
		assertEquals(ModelCardValidator.EDGES, strings(properties.getAsJsonObject("edge").getAsJsonArray("enum")));
		assertEquals("^" + ModelCardValidator.ID.pattern() + "$", properties.getAsJsonObject("id").get("pattern").getAsString());
		for (final String field : properties.keySet())
			if ("integer".equals(type(properties, field)))
				assertEquals(minimumInMessage(field), properties.getAsJsonObject(field).get("minimum").getAsInt(), field);
	}

	@Test
	void theCardsDocumentDescribesEveryField() throws IOException {
		final String doc = Files.readString(Paths.get("models", "CARDS.md"));
		for (final String field : ModelCardValidator.knownFields())
			assertTrue(doc.contains("`" + field + "`"), "models/CARDS.md lacks " + field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"\"scale\": \"four\"              | field 'scale' must be a whole number >= 1, got \"four\"",
		"\"scale\": 2.5                   | field 'scale' must be a whole number >= 1, got 2.5",
		"\"scale\": 0                     | field 'scale' must be a whole number >= 1, got 0",
		"\"task\": \"sharpen\"            | field 'task' must be one of upscale, denoise, restore, got \"sharpen\"",
		"\"id\": \"../evil\"              | field 'id' must be a name of letters, digits, '.', '_' and '-' (it names <id>.onnx and <id>.json), got \"../evil\"",
		"\"edge\": \"wrap\"               | field 'edge' must be one of reflect, replicate, got \"wrap\"",
		"\"valueRange\": [1, 0]           | field 'valueRange' must be [low, high] with low < high, got [1,0]",
		"\"wholeInput\": \"yes\"          | field 'wholeInput' must be true or false, got \"yes\"",
		"\"sha256\": {\"onnx\": \"abc\"}  | field 'sha256' member 'onnx' must be 64 lower-case hex digits, got {\"onnx\":\"abc\"}",
	})
	void badFieldsAreNamedWithTheFileAndTheValue(final String field, final String message, @TempDir final Path dir) throws IOException {
		final Path card = dir.resolve("x.json");
		final JsonObject valid = JsonParser.parseString("{\"id\": \"x\", \"task\": \"upscale\", \"scale\": 2}").getAsJsonObject();
		JsonParser.parseString("{" + field + "}").getAsJsonObject().entrySet().forEach(e -> valid.add(e.getKey(), e.getValue()));
		Files.write(card, valid.toString().getBytes(StandardCharsets.UTF_8));
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelCard.read(card));
		assertEquals(card + ": " + message + ". See models/CARDS.md.", e.getMessage().split("\\R")[0]);
	}

	@Test
	void unknownFieldsPassAndWholeFloatsAreWhole(@TempDir final Path dir) throws IOException {
		final Path card = dir.resolve("x.json");
		Files.write(card, "{\"id\": \"x\", \"task\": \"denoise\", \"scale\": 1.0, \"colourSpace\": \"sRGB\", \"sha256\": {\"future\": \"0000000000000000000000000000000000000000000000000000000000000000\"}}".getBytes(StandardCharsets.UTF_8));
		assertEquals(1, ModelCard.read(card).geometry().scale());
	}

	@Test
	void everyProblemIsListed(@TempDir final Path dir) throws IOException {
		final Path card = dir.resolve("x.json");
		Files.write(card, "{\"scale\": -1, \"pad\": \"ten\"}".getBytes(StandardCharsets.UTF_8));
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelCard.read(card));
		assertTrue(e.getMessage().startsWith(card + ": required field 'id' is missing; required field 'task' is missing; field 'scale' must be a whole number >= 1, got -1; field 'pad' must be a whole number >= 0, got \"ten\""), e.getMessage());
	}

	// -- Helper methods --

	private static JsonObject schema() throws IOException {
		try (Reader in = Files.newBufferedReader(SCHEMA)) {
			return JsonParser.parseReader(in).getAsJsonObject();
		}
	}

	private static List<String> strings(final JsonArray array) {
		final List<String> out = new ArrayList<>();
		array.forEach(e -> out.add(e.getAsString()));
		return out;
	}

	private static String type(final JsonObject properties, final String field) {
		final JsonObject p = properties.getAsJsonObject(field);
		return p.has("type") ? p.get("type").getAsString() : null;
	}

	/** The minimum the validator states for {@code field}, read from its message on a value far below. */
	private static int minimumInMessage(final String field) {
		final JsonObject card = new JsonObject();
		card.addProperty(field, -1000);
		final String problem = ModelCardValidator.problems(card, List.of()).get(0);
		return Integer.parseInt(problem.replaceFirst(".*>= (-?\\d+),.*", "$1"));
	}
}
