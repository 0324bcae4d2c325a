package org.renovo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tries the candidate devices of a {@link DeviceChoice} in order and keeps the first that opens,
 * recording why each earlier one was skipped. Pure logic over an {@link Opener}, so fallback is tested
 * without a GPU.
 */
final class DeviceSelector {

	/** Opens a session on one device; throws when that device cannot run the model. */
	interface Opener<S> {
		S open(Device device) throws Exception;
	}

	/** The outcome: what opened, on which device, and why earlier devices were passed over. */
	static final class Selection<S> {
		final S session;
		final Device device;
		final List<String> fallbacks;

		Selection(final S session, final Device device, final List<String> fallbacks) {
			this.session = session;
			this.device = device;
			this.fallbacks = fallbacks;
		}
	}

	private DeviceSelector() {}

	/**
	 * @param available the devices this ONNX Runtime build has providers for
	 * @throws Exception what the CPU, the last resort, threw
	 */
	static <S> Selection<S> select(final DeviceChoice choice, final Set<Device> available, final Opener<S> opener) throws Exception {
		final List<String> fallbacks = new ArrayList<>();
		for (final Device device : choice.candidates()) {
			final boolean last = device == Device.CPU;
			if (!last && !available.contains(device)) {
				fallbacks.add(device.label() + ": " + missingProvider(device));
				continue;
			}
			try {
				return new Selection<>(opener.open(device), device, fallbacks);
			}
			catch (final Exception e) {
				if (last) throw e;
				fallbacks.add(device.label() + ": could not start (" + e.getMessage() + ")");
			}
		}
		throw new IllegalStateException("Device list of " + choice + " does not end with the CPU");
	}

	private static String missingProvider(final Device device) {
		if (device == Device.CUDA) return "this ONNX Runtime build has no CUDA provider (install the GPU package, see README.md#gpu)";
		return "this ONNX Runtime build has no " + device.label() + " provider (it exists on Apple silicon only)";
	}
}
