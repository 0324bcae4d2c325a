package org.renovo.engine;

/** A device a model actually runs on. */
public enum Device {
	CPU, CUDA, COREML;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
