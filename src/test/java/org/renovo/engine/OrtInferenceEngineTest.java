package org.renovo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.InferenceException;
import org.renovo.error.ModelFormatException;
import org.renovo.testing.TinyModels;

class OrtInferenceEngineTest {

	@Test
	void runsAndReportsTheShape() {
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final InferenceSession s = engine.session(TinyModels.depthToSpace2(), DeviceChoice.CPU);
			assertEquals(3, s.signature().inputChannels());
			assertEquals(ModelSignature.DYNAMIC, s.signature().inputHeight());
			final Tensor out = s.run(direct(3 * 5 * 7), new long[] { 1, 3, 5, 7 });
			assertArrayEquals(new long[] { 1, 3, 10, 14 }, out.shape());
			assertEquals(3 * 10 * 14, out.data().remaining());
		}
	}

	@Test
	void sessionsAreCachedPerFileAndDeviceAndRenewedWhenTheFileChanges(@TempDir final Path dir) throws Exception {
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final Path model = Files.copy(TinyModels.conv(3, 3), dir.resolve("m.onnx"));
			final InferenceSession a = engine.session(model, DeviceChoice.CPU);
			assertSame(a, engine.session(model, DeviceChoice.CPU));
			assertNotSame(a, engine.session(model, DeviceChoice.AUTO));
			Files.copy(TinyModels.conv(9, 3), model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Files.setLastModifiedTime(model, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(model).toMillis() + 5000));
			assertNotSame(a, engine.session(model, DeviceChoice.CPU));
		}
	}

	@Test
	void badModelFilesGetMessagesThatNameFileAndFix(@TempDir final Path dir) {
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final ModelFormatException missing = assertThrows(ModelFormatException.class, () -> engine.session(dir.resolve("nope.onnx"), DeviceChoice.CPU));
			assertTrue(missing.getMessage().contains("not found") && missing.getMessage().contains("nope.onnx"), missing.getMessage());
			for (final Path bad : new Path[] { TinyModels.corrupt(), TinyModels.truncated() }) {
				final ModelFormatException e = assertThrows(ModelFormatException.class, () -> engine.session(bad, DeviceChoice.CPU));
				assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("re-download"), e.getMessage());
				assertTrue(e.getMessage().contains("README.md#model-format"));
			}
			final ModelFormatException two = assertThrows(ModelFormatException.class, () -> engine.session(TinyModels.twoInputs(), DeviceChoice.CPU));
			assertTrue(two.getMessage().contains("2 inputs"), two.getMessage());
		}
	}

	@Test
	void wrongInputShapeIsAnInferenceErrorNamingTheShape() {
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final InferenceSession s = engine.session(TinyModels.conv(3, 3), DeviceChoice.CPU);
			final InferenceException e = assertThrows(InferenceException.class, () -> s.run(direct(4 * 8 * 8), new long[] { 1, 4, 8, 8 }));
			assertTrue(e.getMessage().contains("[1, 4, 8, 8]"), e.getMessage());
		}
	}

	static FloatBuffer direct(final int n) {
		final FloatBuffer b = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
		for (int i = 0; i < n; i++) b.put(i, i % 7 / 7f);
		return b;
	}
}
