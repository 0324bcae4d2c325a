package org.renovo.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where tests find real models and reference outputs, without downloading anything: converted models in
 * {@code -Drenovo.models}, else {@code $RENOVO_MODELS}, else {@code ~/.renovo/models} (what
 * {@code models/fetch} installs), and the original programs' outputs in {@code ../shared/reference}
 * (or {@code -Drenovo.reference}). Tests that need them skip when they are absent.
 */
public final class RealModels {

	private RealModels() {}

	public static Path modelsDirectory() {
		final String property = System.getProperty("renovo.models"), env = System.getenv("RENOVO_MODELS");
		if (property != null && !property.isEmpty()) return Paths.get(property);
		if (env != null && !env.isEmpty()) return Paths.get(env);
		return Paths.get(System.getProperty("user.home"), ".renovo", "models");
	}

	/** True when {@code <id>.onnx} and its card are installed. */
	public static boolean installed(final String id) {
		return Files.isRegularFile(modelsDirectory().resolve(id + ".onnx")) && Files.isRegularFile(modelsDirectory().resolve(id + ".json"));
	}

	public static Path referenceDirectory() {
		final String property = System.getProperty("renovo.reference");
		return property != null && !property.isEmpty() ? Paths.get(property) : Paths.get("..", "shared", "reference");
	}
}
