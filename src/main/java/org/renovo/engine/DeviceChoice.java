package org.renovo.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.renovo.error.InvalidOptionsException;

/**
 * The device a user asks for. {@code AUTO} tries CUDA, then CoreML, then the CPU; {@code CUDA} and
 * {@code COREML} fall back to the CPU when they cannot start; {@code CPU} is the CPU alone.
 */
public enum DeviceChoice {
	AUTO(Device.CUDA, Device.COREML, Device.CPU),
	CPU(Device.CPU),
	CUDA(Device.CUDA, Device.CPU),
	COREML(Device.COREML, Device.CPU);

	private final List<Device> candidates;

	DeviceChoice(final Device... candidates) {
		this.candidates = Collections.unmodifiableList(Arrays.asList(candidates));
	}

	/** Devices to try, in order; the last one is always the CPU. */
	public List<Device> candidates() {
		return candidates;
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code auto | cpu | cuda | coreml}, case-insensitive. */
	public static DeviceChoice parse(final String text) {
		for (final DeviceChoice c : values())
			if (c.label().equalsIgnoreCase(text.trim())) return c;
		throw new InvalidOptionsException("Unknown device '" + text + "': use one of auto, cpu, cuda, coreml.");
	}
}
