package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceSession;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.ModelGeometry;

class GeometryResolverTest {

	@Test
	void probesOnceThenReadsTheCacheEvenInALaterSession(@TempDir final Path cache, @TempDir final Path models) throws Exception {
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final Path file = Files.copy(TinyModels.nearest2(), models.resolve("n2.onnx"));
			final Model model = new Model("n2", file, null);
			final InferenceSession s = engine.session(file, DeviceChoice.CPU);
			final GeometryResolver first = new GeometryResolver(cache);
			assertEquals(ModelGeometry.of(2, 1, 0, 1), first.geometry(model, s));
			first.geometry(model, s);
			assertEquals(1, first.probeCount());
			final GeometryResolver later = new GeometryResolver(cache);
			assertEquals(ModelGeometry.of(2, 1, 0, 1), later.geometry(model, s));
			assertEquals(0, later.probeCount(), "read from the cache folder");
		}
	}

	@Test
	void aCardWinsOverTheProbe(@TempDir final Path dir) throws Exception {
		final Path file = Files.copy(TinyModels.conv(3, 3), dir.resolve("c.onnx"));
		Files.write(dir.resolve("c.json"), "{\"id\": \"c\", \"task\": \"denoise\", \"scale\": 1, \"radius\": 5, \"multiple\": 2, \"future_field\": true}".getBytes("UTF-8"));
		final Model model = new ModelRegistry(dir).resolve(file.toString());
		assertEquals(ModelGeometry.of(1, 5, 0, 2), model.declaredGeometry().get());
		final GeometryResolver resolver = new GeometryResolver(dir.resolve("cache"));
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			assertEquals(ModelGeometry.of(1, 5, 0, 2), resolver.geometry(model, engine.session(file, DeviceChoice.CPU)));
		}
		assertEquals(0, resolver.probeCount());
	}
}
