package org.renovo.pipeline;

import org.renovo.engine.Device;
import org.renovo.tiling.TilePlan;

/** What a finished run did: the device that ran, the plan, the value mapping and the time. Immutable. */
public final class RunReport {

	private final String modelId;
	private final Device device;
	private final TilePlan plan;
	private final String mapping;
	private final double setupSeconds, seconds;

	RunReport(final String modelId, final Device device, final TilePlan plan, final String mapping, final double setupSeconds, final double seconds) {
		this.setupSeconds = setupSeconds;
		this.modelId = modelId;
		this.device = device;
		this.plan = plan;
		this.mapping = mapping;
		this.seconds = seconds;
	}

	public String modelId() { return modelId; }
	public Device device() { return device; }
	public TilePlan plan() { return plan; }
	public int scale() { return plan.geometry().scale(); }
	public String mapping() { return mapping; }
	/** Seconds in the tiles. */
	public double seconds() { return seconds; }
	/** Seconds before the first tile: opening or reusing the model's session, its geometry, the plan. */
	public double setupSeconds() { return setupSeconds; }

	/** One line for logs and the output image's info. */
	public String summary() {
		return "Renovo: model " + modelId + ", x" + scale() + ", device " + device.label() + ", " + plan.tiles().size() + " tiles of "
			+ plan.sourceWidth() + "x" + plan.sourceHeight() + " (halo " + plan.halo() + ", overlap band " + 2 * plan.band() + (plan.isExact() ? ", exact" : ", blended")
			+ "), values " + mapping + ", " + String.format(java.util.Locale.ROOT, "%.2f s (setup %.3f s)", seconds, setupSeconds);
	}
}
