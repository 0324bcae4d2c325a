package org.renovo.model;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.renovo.error.ModelFormatException;

/**
 * Checks a model card against {@code models/card.schema.json}, naming the file and the field:
 * {@code models/x.json: field 'scale' must be a whole number >= 1, got "four"}. Unknown fields pass
 * (future cards); a missing required field does not.
 * NB: written by hand: the schema is flat (scalars, one pair, two string maps), and pom-scijava manages no
 * JSON-Schema library. {@code ModelCardValidatorTest} keeps these rules and the schema file in step.
 */
final class ModelCardValidator {

	/** What every card must state; the schema's {@code required}. */
	static final List<String> REQUIRED = List.of("id", "task", "scale");
	/** What a geometry-cache entry (not a card: written by {@link GeometryResolver}) must state. */
	static final List<String> GEOMETRY_REQUIRED = List.of("scale");
	static final List<String> TASKS = List.of("upscale", "denoise", "restore");
	static final List<String> EDGES = List.of("reflect", "replicate");
	static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
	private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

	/** Each known field's rule: a problem description, or null when the value fits. */
	private static final Map<String, Function<JsonElement, String>> RULES = new LinkedHashMap<>();

	static {
		RULES.put("id", v -> string(v) && ID.matcher(v.getAsString()).matches() ? null : "must be a name of letters, digits, '.', '_' and '-' (it names <id>.onnx and <id>.json)");
		RULES.put("task", v -> oneOf(v, TASKS));
		RULES.put("scale", v -> whole(v, 1));
		RULES.put("radius", v -> whole(v, -1));
		RULES.put("border", v -> whole(v, 0));
		RULES.put("multiple", v -> whole(v, 1));
		RULES.put("minSize", v -> whole(v, 1));
		RULES.put("wholeInput", v -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() ? null : "must be true or false");
		RULES.put("channels", v -> whole(v, 1));
		RULES.put("pad", v -> whole(v, 0));
		RULES.put("edge", v -> oneOf(v, EDGES));
		RULES.put("valueRange", ModelCardValidator::range);
		RULES.put("license", v -> string(v) ? null : "must be a string");
		RULES.put("upstream", v -> string(v) ? null : "must be a string");
		RULES.put("source", v -> map(v, e -> string(e) ? null : "must be a string"));
		RULES.put("sha256", v -> map(v, e -> string(e) && HEX64.matcher(e.getAsString()).matches() ? null : "must be 64 lower-case hex digits"));
	}

	private ModelCardValidator() {}

	/** The fields this validator knows, as the schema's {@code properties}. */
	static Set<String> knownFields() {
		return RULES.keySet();
	}

	/** @throws ModelFormatException listing every problem, each naming {@code file} and the field */
	static JsonObject check(final JsonElement card, final Path file, final Collection<String> required) {
		if (card == null || !card.isJsonObject()) throw new ModelFormatException(file + ": a model card is one JSON object {...}, got " + card);
		final List<String> problems = problems(card.getAsJsonObject(), required);
		if (!problems.isEmpty()) throw new ModelFormatException(file + ": " + String.join("; ", problems) + ". See models/CARDS.md.");
		return card.getAsJsonObject();
	}

	/** The problems of one card, in field order; empty when it is valid. */
	static List<String> problems(final JsonObject card, final Collection<String> required) {
		final List<String> problems = new ArrayList<>();
		for (final String field : required)
			if (!card.has(field) || card.get(field).isJsonNull()) problems.add("required field '" + field + "' is missing");
		for (final Map.Entry<String, Function<JsonElement, String>> rule : RULES.entrySet()) {
			final JsonElement value = card.get(rule.getKey());
			if (value == null || value.isJsonNull()) continue;
			final String problem = rule.getValue().apply(value);
			if (problem != null) problems.add("field '" + rule.getKey() + "' " + problem + ", got " + value);
		}
		return problems;
	}

	// -- Helper methods --

	private static boolean string(final JsonElement v) {
		return v.isJsonPrimitive() && v.getAsJsonPrimitive().isString();
	}

	private static String oneOf(final JsonElement v, final List<String> values) {
		return string(v) && values.contains(v.getAsString()) ? null : "must be one of " + String.join(", ", values);
	}

	/** NB: as JSON Schema's "integer", 4.0 is whole; the value must also fit a Java int. */
	private static String whole(final JsonElement v, final int min) {
		final String problem = "must be a whole number >= " + min;
		if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) return problem;
		final BigDecimal d = v.getAsBigDecimal();
		if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) return problem;
		return d.compareTo(BigDecimal.valueOf(min)) >= 0 && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 ? null : problem;
	}

	private static String range(final JsonElement v) {
		final String problem = "must be [low, high] with low < high";
		if (!v.isJsonArray() || v.getAsJsonArray().size() != 2) return problem;
		final JsonArray a = v.getAsJsonArray();
		for (final JsonElement e : a)
			if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) return problem;
		return a.get(0).getAsDouble() < a.get(1).getAsDouble() ? null : problem;
	}

	private static String map(final JsonElement v, final Function<JsonElement, String> member) {
		if (!v.isJsonObject()) return "must be an object {...}";
		for (final Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
			final String problem = member.apply(e.getValue());
			if (problem != null) return "member '" + e.getKey() + "' " + problem;
		}
		return null;
	}
}
