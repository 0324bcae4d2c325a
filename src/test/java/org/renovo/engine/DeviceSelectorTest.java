package org.renovo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.renovo.error.InvalidOptionsException;

/** Device choice and fallback, tested on a machine without a GPU by a fake opener. */
class DeviceSelectorTest {

	private final List<Device> tried = new ArrayList<>();

	private String open(final Device d, final EnumSet<Device> failing) throws Exception {
		tried.add(d);
		if (failing.contains(d)) throw new IllegalStateException(d.label() + " says libcudnn.so.9: cannot open shared object file");
		return "session on " + d.label();
	}

	@Test
	void autoTriesCudaThenCoremlThenCpu() throws Exception {
		final DeviceSelector.Selection<String> s = DeviceSelector.select(DeviceChoice.AUTO, EnumSet.allOf(Device.class), d -> open(d, EnumSet.of(Device.CUDA, Device.COREML)));
		assertEquals(Device.CPU, s.device);
		assertEquals(List.of(Device.CUDA, Device.COREML, Device.CPU), tried);
		assertEquals(2, s.fallbacks.size());
		assertTrue(s.fallbacks.get(0).contains("libcudnn.so.9"), s.fallbacks.get(0));
	}

	@Test
	void cudaRunsWhenItStarts() throws Exception {
		final DeviceSelector.Selection<String> s = DeviceSelector.select(DeviceChoice.CUDA, EnumSet.allOf(Device.class), d -> open(d, EnumSet.noneOf(Device.class)));
		assertEquals(Device.CUDA, s.device);
		assertTrue(s.fallbacks.isEmpty());
	}

	@Test
	void providerMissingFromTheBuildIsSkippedWithAReasonWithoutTrying() throws Exception {
		final DeviceSelector.Selection<String> s = DeviceSelector.select(DeviceChoice.CUDA, EnumSet.of(Device.CPU), d -> open(d, EnumSet.noneOf(Device.class)));
		assertEquals(Device.CPU, s.device);
		assertEquals(List.of(Device.CPU), tried);
		assertTrue(s.fallbacks.get(0).contains("GPU package"), s.fallbacks.get(0));
	}

	@Test
	void cpuFailureIsNotHidden() {
		assertThrows(IllegalStateException.class, () -> DeviceSelector.select(DeviceChoice.CPU, EnumSet.allOf(Device.class), d -> open(d, EnumSet.of(Device.CPU))));
	}

	@Test
	void parsesChoices() {
		assertEquals(DeviceChoice.COREML, DeviceChoice.parse(" CoreML "));
		final InvalidOptionsException e = assertThrows(InvalidOptionsException.class, () -> DeviceChoice.parse("gpu"));
		assertTrue(e.getMessage().contains("auto, cpu, cuda, coreml"));
	}

	@Test
	void realEngineOnThisMachineFallsBackToCpuAndSaysWhy() {
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final InferenceSession s = engine.session(org.renovo.testing.TinyModels.identity(3), DeviceChoice.CUDA);
			assertEquals(Device.CPU, s.device());
			assertEquals(1, s.fallbacks().size());
			assertTrue(s.fallbacks().get(0).startsWith("cuda:"), s.fallbacks().toString());
		}
	}
}
