package org.renovo.engine;

import java.util.EnumSet;
import java.util.Set;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;

import org.renovo.error.InferenceException;

/**
 * The process-wide ONNX Runtime environment. NB: obtained once and never closed, because other Fiji
 * plugins share the JVM and closing it would pull the native environment from under them.
 */
final class OrtEnvironments {

	private static OrtEnvironment environment;

	private OrtEnvironments() {}

	static synchronized OrtEnvironment get() {
		if (environment == null) {
			environment = OrtEnvironment.getEnvironment();
			disableTelemetry(environment);
		}
		return environment;
	}

	/** NB: belt and braces; the pinned version records no usage data anyway (DESIGN.md, telemetry). */
	private static void disableTelemetry(final OrtEnvironment env) {
		try {
			env.setTelemetry(false);
		}
		catch (final OrtException e) {
			throw new InferenceException("ONNX Runtime refused to turn telemetry off: " + e.getMessage(), e);
		}
	}

	/** Devices this ONNX Runtime build has providers for; the CPU always. */
	static Set<Device> availableDevices() {
		final Set<Device> devices = EnumSet.of(Device.CPU);
		final EnumSet<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
		if (providers.contains(OrtProvider.CUDA)) devices.add(Device.CUDA);
		if (providers.contains(OrtProvider.CORE_ML)) devices.add(Device.COREML);
		return devices;
	}
}
