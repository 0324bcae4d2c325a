package org.renovo.imaging;

import java.util.Locale;

/**
 * Restores the colour of faded scanned photographs. Faded dyes lose contrast, and each at its own
 * rate, which leaves a cast; so, per channel:
 * <ol>
 * <li><b>Stretch</b>: the {@code lowPercentile} and {@code highPercentile} of the channel are mapped
 * linearly to 0 and 255. Percentiles, not the minimum and maximum, so that dust and scratches do not
 * decide the range. This alone removes most casts. A channel whose two percentiles are equal (flat)
 * is left unstretched.</li>
 * <li><b>Balance</b> ({@link Balance}), on the stretched channels: {@code GREY_WORLD} scales each so
 * that the channel means equal the mean of the means; {@code WHITE_PATCH} scales each so that its 99th
 * percentile becomes the largest of them; {@code NONE} does nothing, and neither does a single
 * channel.</li>
 * <li><b>Blend</b>: {@code result = input + strength × (corrected − input)}: strength 0 returns the
 * input values, 1 the full correction.</li>
 * </ol>
 * Values are in 8-bit units (0..255, values beyond are allowed); the output is not clipped, the
 * caller quantises. Input arrays are never modified. {@link Result#record()} says what was measured
 * and done, for the output image's info. Written by hand: the operations are simple, and no library
 * reachable from Maven Central does them on {@code float[]} planes. Stateless and thread-safe.
 *
 * <pre>{@code
 * Result r = ColourRestoration.apply(new float[][] { red, green, blue }, w, h,
 * 	ColourRestoration.Options.defaults().withBalance(Balance.GREY_WORLD));
 * }</pre>
 */
public final class ColourRestoration {

	/** How the stretched channels are balanced against each other. */
	public enum Balance {
		/** No balancing: the per-channel stretch only. */
		NONE,
		/** Equal channel means (the average scene is grey). */
		GREY_WORLD,
		/** Equal 99th percentiles (the brightest things are white). */
		WHITE_PATCH
	}

	/** The percentile that {@link Balance#WHITE_PATCH} equalises: the 99th, not the maximum, which one hot pixel sets. */
	static final double WHITE_PATCH_PERCENTILE = 99;

	private ColourRestoration() {}

	/**
	 * Restores {@code channels} (1 for grey, 3 for RGB; any number ≥ 1 works), each a plane of
	 * {@code width × height} values.
	 *
	 * @throws IllegalArgumentException if there is no channel, a channel does not hold
	 *         {@code width × height} values, or a channel has no finite value
	 */
	public static Result apply(final float[][] channels, final int width, final int height, final Options options) {
		if (channels == null || channels.length == 0) throw new IllegalArgumentException("no channels: pass 1 (grey) or 3 (RGB) planes");
		if (options == null) throw new IllegalArgumentException("options is null: pass ColourRestoration.Options.defaults()");
		for (final float[] channel : channels)
			Planes.check(channel, width, height);
		final ChannelStretch[] stretches = new ChannelStretch[channels.length];
		final float[][] corrected = new float[channels.length][];
		for (int c = 0; c < channels.length; c++) {
			stretches[c] = ChannelStretch.measure(channels[c], options.lowPercentile(), options.highPercentile());
			corrected[c] = stretches[c].apply(channels[c]);
		}
		final double[] gains = ChannelBalance.gains(corrected, options.balance());
		for (int c = 0; c < channels.length; c++)
			blend(channels[c], corrected[c], gains[c], options.strength());
		return new Result(corrected, record(options, stretches, gains));
	}

	/** Turns {@code corrected} in place into {@code input + strength × (gain × corrected − input)}. */
	private static void blend(final float[] input, final float[] corrected, final double gain, final double strength) {
		// NB: strength 0 must give the input bit for bit, and 0 × NaN or -0 + 0 would not.
		if (strength == 0) {
			System.arraycopy(input, 0, corrected, 0, input.length);
			return;
		}
		for (int i = 0; i < input.length; i++)
			corrected[i] = (float) (input[i] + strength * (gain * corrected[i] - input[i]));
	}

	private static String record(final Options options, final ChannelStretch[] stretches, final double[] gains) {
		final StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Colour restoration: strength %.2f, balance %s; stretch p%s..p%s to 0..255",
			options.strength(), options.balance(), trim(options.lowPercentile()), trim(options.highPercentile())));
		for (int c = 0; c < stretches.length; c++)
			s.append(String.format(Locale.ROOT, "; %s: %s, gain %.4f", channelName(c, stretches.length), stretches[c], gains[c]));
		return s.toString();
	}

	private static String channelName(final int c, final int count) {
		if (count == 1) return "grey";
		if (count == 3) return "RGB".substring(c, c + 1);
		return "channel " + (c + 1);
	}

	private static String trim(final double percentile) {
		return percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile);
	}

	/**
	 * How to restore: {@code strength} in [0, 1], the {@link Balance}, and the percentiles that the
	 * stretch maps to 0 and 255. Immutable; {@link #defaults()} then {@code with*} methods.
	 */
	public static final class Options {

		public static final double DEFAULT_LOW_PERCENTILE = 0.5;
		public static final double DEFAULT_HIGH_PERCENTILE = 99.5;

		private final double strength;
		private final Balance balance;
		private final double lowPercentile, highPercentile;

		private Options(final double strength, final Balance balance, final double lowPercentile, final double highPercentile) {
			if (!(strength >= 0 && strength <= 1)) throw new IllegalArgumentException("strength must be in [0, 1], got " + strength);
			if (balance == null) throw new IllegalArgumentException("balance is null: use Balance.NONE for no balancing");
			if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100))
				throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, got low " + lowPercentile + ", high " + highPercentile);
			this.strength = strength;
			this.balance = balance;
			this.lowPercentile = lowPercentile;
			this.highPercentile = highPercentile;
		}

		/**
		 * Full strength, percentiles 0.5 and 99.5, no balance. NB: no balance by default because the
		 * stretch already removes most casts, and grey world tints scenes that are rightly one colour
		 * (a sunset, a forest).
		 */
		public static Options defaults() {
			return new Options(1, Balance.NONE, DEFAULT_LOW_PERCENTILE, DEFAULT_HIGH_PERCENTILE);
		}

		public Options withStrength(final double s) { return new Options(s, balance, lowPercentile, highPercentile); }
		public Options withBalance(final Balance b) { return new Options(strength, b, lowPercentile, highPercentile); }
		public Options withPercentiles(final double low, final double high) { return new Options(strength, balance, low, high); }

		public double strength() { return strength; }
		public Balance balance() { return balance; }
		public double lowPercentile() { return lowPercentile; }
		public double highPercentile() { return highPercentile; }

		@Override
		public String toString() {
			return "ColourRestoration.Options[strength=" + strength + ", balance=" + balance + ", percentiles=" + lowPercentile + ".." + highPercentile + "]";
		}
	}

	/** What {@link ColourRestoration#apply} returns: new planes, and a description of what was done. Immutable. */
	public static final class Result {

		private final float[][] channels;
		private final String record;

		private Result(final float[][] channels, final String record) {
			this.channels = channels;
			this.record = record;
		}

		/** The restored planes, in the input's channel order; new arrays that the caller owns. */
		public float[][] channels() {
			return channels.clone();
		}

		/** One line: options, the percentiles measured per channel, whether it was stretched, and its gain. */
		public String record() {
			return record;
		}

		@Override
		public String toString() {
			return record;
		}
	}
}
