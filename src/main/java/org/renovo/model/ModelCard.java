package org.renovo.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import org.renovo.error.ModelFormatException;
import org.renovo.tiling.ModelGeometry;

/**
 * The geometry part of a model card ({@code <id>.json} beside {@code <id>.onnx}); every field optional
 * except {@code scale}: {@code {"scale": 4, "radius": 10, "border": 0, "multiple": 1, "minSize": 1}}.
 * A radius of -1 means the model pools over its whole input.
 */
final class ModelCard {

	Integer scale, radius, border, multiple, minSize;

	static ModelGeometry readGeometry(final Path card) {
		final ModelCard c;
		try (Reader in = Files.newBufferedReader(card)) {
			c = new Gson().fromJson(in, ModelCard.class);
		}
		catch (final IOException | JsonParseException e) {
			throw new ModelFormatException("Model card " + card + " is not valid JSON: " + e.getMessage(), e);
		}
		if (c == null || c.scale == null) throw new ModelFormatException("Model card " + card + " lacks the required field 'scale'.");
		try {
			final int radius = c.radius == null || c.radius < 0 ? ModelGeometry.UNBOUNDED : c.radius;
			return ModelGeometry.of(c.scale, radius, value(c.border, 0), value(c.multiple, 1)).withMinSize(value(c.minSize, 1));
		}
		catch (final IllegalArgumentException e) {
			throw new ModelFormatException("Model card " + card + ": " + e.getMessage(), e);
		}
	}

	private static int value(final Integer v, final int fallback) {
		return v == null ? fallback : v;
	}
}
