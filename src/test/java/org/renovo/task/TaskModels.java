package org.renovo.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TinyModels;

/** A models folder of tiny generated models under ids a task expects, over the tests' shared engine. */
final class TaskModels {

	private TaskModels() {}

	/**
	 * {@code tiny-x2}, {@code tiny-x3}, {@code tiny-x4} (exact nearest-neighbour, one family),
	 * {@code waifu2x-cunet-noise0..3} (a 3x3 blur standing in for the denoise models) and {@code identity}.
	 */
	static ModelRuntime runtime(final Path dir) {
		try {
			Files.createDirectories(dir);
			final Map<String, Path> models = Map.of("tiny-x2", TinyModels.nearestOnly(2), "tiny-x3", TinyModels.nearestOnly(3), "tiny-x4", TinyModels.nearestOnly(4),
				"identity", TinyModels.identity(3), "waifu2x-cunet-noise0", TinyModels.conv(3, 3), "waifu2x-cunet-noise1", TinyModels.conv(3, 3),
				"waifu2x-cunet-noise2", TinyModels.conv(3, 3), "waifu2x-cunet-noise3", TinyModels.conv(3, 3));
			for (final Map.Entry<String, Path> e : models.entrySet())
				Files.copy(e.getValue(), dir.resolve(e.getKey() + ".onnx"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ModelRuntime(new ModelRegistry(dir, dir.resolve("cache")), SharedPipeline.engine(), new GeometryResolver(dir.resolve("cache")));
	}
}
