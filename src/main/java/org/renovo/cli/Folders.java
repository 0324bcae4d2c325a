package org.renovo.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;

/**
 * Where the CLI finds models and keeps measured geometries: the system properties {@code renovo.models}
 * and {@code renovo.cache} when set, else the core defaults ({@code RENOVO_MODELS} or
 * {@code ~/.renovo/models}; {@code RENOVO_CACHE} or {@code ~/.cache/renovo}).
 * NB: the properties exist because a test cannot set environment variables of its own JVM.
 */
final class Folders {

	static final String MODELS_PROPERTY = "renovo.models";
	static final String CACHE_PROPERTY = "renovo.cache";

	private Folders() {}

	static Path models() {
		return fromProperty(MODELS_PROPERTY, ModelRegistry.defaultDirectory());
	}

	static Path cache() {
		return fromProperty(CACHE_PROPERTY, GeometryResolver.defaultCacheDirectory());
	}

	private static Path fromProperty(final String key, final Path fallback) {
		final String value = System.getProperty(key);
		return value == null || value.isEmpty() ? fallback : Paths.get(value);
	}
}
