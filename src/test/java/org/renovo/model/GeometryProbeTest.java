package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.ModelGeometry;

/** The probe measures what each generated model's construction says. */
class GeometryProbeTest {

	private static OrtInferenceEngine engine;

	@BeforeAll
	static void open() { engine = new OrtInferenceEngine(); }

	@AfterAll
	static void close() { engine.close(); }

	static Stream<Arguments> models() {
		return Stream.of(
			Arguments.of("identity", (Supplier<Path>) () -> TinyModels.identity(3), ModelGeometry.of(1, 0, 0, 1)),
			Arguments.of("conv3", (Supplier<Path>) () -> TinyModels.conv(3, 3), ModelGeometry.of(1, 1, 0, 1)),
			Arguments.of("conv9", (Supplier<Path>) () -> TinyModels.conv(9, 3), ModelGeometry.of(1, 4, 0, 1)),
			Arguments.of("stack12", (Supplier<Path>) () -> TinyModels.convStack(12), ModelGeometry.of(1, 12, 0, 1)),
			Arguments.of("d2s2", (Supplier<Path>) TinyModels::depthToSpace2, ModelGeometry.of(2, 1, 0, 1)),
			Arguments.of("nearest2", (Supplier<Path>) TinyModels::nearest2, ModelGeometry.of(2, 1, 0, 1)),
			Arguments.of("valid", (Supplier<Path>) TinyModels::validConv, ModelGeometry.of(1, 2, 2, 1)),
			Arguments.of("mult4", (Supplier<Path>) TinyModels::multipleOf4, ModelGeometry.of(1, 7, 0, 4)),
			Arguments.of("gray", (Supplier<Path>) TinyModels::gray, ModelGeometry.of(1, 1, 0, 1)),
			Arguments.of("se", (Supplier<Path>) TinyModels::globalPool, ModelGeometry.of(1, ModelGeometry.UNBOUNDED, 0, 1)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("models")
	void measuresTheGeometryTheModelWasBuiltWith(final String name, final Supplier<Path> model, final ModelGeometry expected) {
		final org.renovo.engine.InferenceSession s = engine.session(model.get(), DeviceChoice.CPU);
		assertEquals(expected, GeometryProbe.probe(s, s.signature().inputChannels()));
	}
}
