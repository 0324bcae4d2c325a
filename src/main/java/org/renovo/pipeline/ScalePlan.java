package org.renovo.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.renovo.error.InvalidOptionsException;

/**
 * How to reach an output scale from the native factors of the models at hand: the fewest model runs
 * whose factors multiply to exactly the scale (6× = 2× then 3×); when none do, the smallest product
 * above the scale (fewest runs on a tie), whose result is then resampled down to the exact size
 * (shrinking a model's output loses less than enlarging a smaller one would invent). Runs go from the
 * smallest factor up, which is cheapest: each run costs in proportion to its input's pixels.
 * At most {@value #MAX_RUNS} runs. Immutable.
 */
public final class ScalePlan {

	static final int MAX_RUNS = 3;
	/** NB: a scale beyond this invents rather than restores, and 16x16 = 256 times the pixels. */
	public static final double MAX_SCALE = 16;

	private final double scale;
	private final List<Integer> factors;
	private final int width, height, outWidth, outHeight;

	private ScalePlan(final double scale, final List<Integer> factors, final int width, final int height) {
		this.scale = scale;
		this.factors = factors;
		this.width = width;
		this.height = height;
		this.outWidth = (int) Math.max(1, Math.round(width * scale));
		this.outHeight = (int) Math.max(1, Math.round(height * scale));
	}

	/**
	 * @param scale the requested output scale, above 1 and at most {@value #MAX_SCALE}
	 * @param available the native factors of the models that can be chained (each at least 2)
	 * @throws InvalidOptionsException for a scale out of range, or no factor at all
	 */
	public static ScalePlan of(final double scale, final int width, final int height, final Iterable<Integer> available) {
		if (!(scale > 1) || scale > MAX_SCALE) throw new InvalidOptionsException("scale=" + format(scale) + " is out of range: Upscale takes a scale above 1 and at most " + format(MAX_SCALE) + " (for 1x use Denoise or Restore).");
		final TreeSet<Integer> factors = new TreeSet<>();
		for (final int f : available) if (f >= 2) factors.add(f);
		if (factors.isEmpty()) throw new InvalidOptionsException("No model that upscales is available for scale=" + format(scale) + ": choose a model with a native factor of 2 or more.");
		List<Integer> best = null;
		double bestProduct = Double.POSITIVE_INFINITY;
		for (final List<Integer> c : combinations(new ArrayList<>(factors))) {
			final double product = product(c);
			if (Math.abs(product - scale) < 1e-9) {
				if (bestProduct != scale || c.size() < best.size()) { best = c; bestProduct = scale; }
			}
			else if (product > scale && bestProduct != scale && (product < bestProduct || product == bestProduct && c.size() < best.size())) {
				best = c;
				bestProduct = product;
			}
		}
		if (best == null) throw new InvalidOptionsException("scale=" + format(scale) + " cannot be reached with at most " + MAX_RUNS + " runs of factors " + factors + ": choose a smaller scale.");
		return new ScalePlan(scale, best, width, height);
	}

	/** Ascending multisets of 1 to {@link #MAX_RUNS} factors. */
	private static List<List<Integer>> combinations(final List<Integer> factors) {
		final List<List<Integer>> out = new ArrayList<>();
		grow(factors, 0, new ArrayList<>(), out);
		return out;
	}

	private static void grow(final List<Integer> factors, final int from, final List<Integer> prefix, final List<List<Integer>> out) {
		if (!prefix.isEmpty()) out.add(new ArrayList<>(prefix));
		if (prefix.size() == MAX_RUNS) return;
		for (int i = from; i < factors.size(); i++) {
			prefix.add(factors.get(i));
			grow(factors, i, prefix, out);
			prefix.remove(prefix.size() - 1);
		}
	}

	private static double product(final List<Integer> factors) {
		double p = 1;
		for (final int f : factors) p *= f;
		return p;
	}

	/** The native factors to run, in order. */
	public List<Integer> factors() { return List.copyOf(factors); }

	public double scale() { return scale; }

	/** The size the model runs give, before any resampling. */
	public int modelWidth() { return (int) (width * product(factors)); }
	public int modelHeight() { return (int) (height * product(factors)); }

	/** The exact output size: the input's times the scale, rounded. */
	public int outputWidth() { return outWidth; }
	public int outputHeight() { return outHeight; }

	/** True when the model runs' result must be resampled to reach the output size. */
	public boolean resamples() {
		return modelWidth() != outWidth || modelHeight() != outHeight;
	}

	/** One line for the log and the output's info. */
	public String describe() {
		final StringBuilder s = new StringBuilder("scale ").append(format(scale)).append(": ");
		for (int i = 0; i < factors.size(); i++) s.append(i == 0 ? "" : " then ").append(factors.get(i)).append('x');
		if (resamples()) s.append(", then resampled ").append(modelWidth()).append('x').append(modelHeight()).append(" -> ").append(outWidth).append('x').append(outHeight);
		return s.toString();
	}

	static String format(final double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
	}
}
