package org.renovo.imaging;

import java.util.Locale;

/**
 * The linear map of one channel that sends its low percentile to 0 and its high percentile to 255,
 * or the identity for a flat channel (high ≤ low). Immutable.
 */
final class ChannelStretch {

	static final double TOP = 255;

	private final double lowPercentile, highPercentile;
	private final double low, high;

	private ChannelStretch(final double lowPercentile, final double highPercentile, final double low, final double high) {
		this.lowPercentile = lowPercentile;
		this.highPercentile = highPercentile;
		this.low = low;
		this.high = high;
	}

	static ChannelStretch measure(final float[] channel, final double lowPercentile, final double highPercentile) {
		final double[] p = Percentiles.of(channel, lowPercentile, highPercentile);
		return new ChannelStretch(lowPercentile, highPercentile, p[0], p[1]);
	}

	boolean stretches() {
		return high > low;
	}

	/** A new array: the channel mapped; a copy for a flat channel. */
	float[] apply(final float[] channel) {
		final float[] out = new float[channel.length];
		if (!stretches()) {
			System.arraycopy(channel, 0, out, 0, channel.length);
			return out;
		}
		final double scale = TOP / (high - low);
		for (int i = 0; i < channel.length; i++)
			out[i] = (float) ((channel[i] - low) * scale);
		return out;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "p%s=%.2f p%s=%.2f, %s", lowPercentile, low, highPercentile, high,
			stretches() ? "stretched to 0..255" : "flat, left unstretched");
	}
}
