package org.renovo.imaging;

import java.util.Arrays;

/** The gain of each channel under a {@link ColourRestoration.Balance}; a channel whose statistic is not positive keeps gain 1. */
final class ChannelBalance {

	private ChannelBalance() {}

	static double[] gains(final float[][] channels, final ColourRestoration.Balance balance) {
		final double[] gains = new double[channels.length];
		Arrays.fill(gains, 1);
		if (channels.length < 2 || balance == ColourRestoration.Balance.NONE) return gains;
		final double[] statistic = new double[channels.length];
		for (int c = 0; c < channels.length; c++)
			statistic[c] = balance == ColourRestoration.Balance.GREY_WORLD ? mean(channels[c]) : Percentiles.of(channels[c], ColourRestoration.WHITE_PATCH_PERCENTILE)[0];
		final double target = balance == ColourRestoration.Balance.GREY_WORLD ? Arrays.stream(statistic).average().getAsDouble() : Arrays.stream(statistic).max().getAsDouble();
		for (int c = 0; c < channels.length; c++)
			// NB: a channel that is dark on average or at its top cannot be scaled to the target.
			if (statistic[c] > 0 && target > 0) gains[c] = target / statistic[c];
		return gains;
	}

	/** The mean of the finite values. */
	static double mean(final float[] channel) {
		double sum = 0;
		long n = 0;
		for (final float v : channel)
			if (Float.isFinite(v)) {
				sum += v;
				n++;
			}
		return n == 0 ? 0 : sum / n;
	}
}
