package org.renovo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Models that differ only in their native factor, named alike by their upstream projects:
 * {@code realesr-animevideov3-x2/-x3/-x4} and {@code realcugan-up2x-/up3x-/up4x-...}. Upscale chains
 * siblings to reach a scale no single one has (6x = x2 then x3). Names are the only link the upstream
 * packages give, so this is a naming rule, stated here once.
 */
public final class ModelFamily {

	private static final Pattern SUFFIX = Pattern.compile("-x\\d+$");
	private static final Pattern UP = Pattern.compile("-up\\d+x(?=-|$)");

	private ModelFamily() {}

	/** The id with its factor token replaced by {@code #}, or the id itself when it has none. */
	static String key(final String id) {
		return UP.matcher(SUFFIX.matcher(id).replaceFirst("-x#")).replaceFirst("-up#x");
	}

	/** {@code id} first, then the other ids of {@code ids} in its family, in the order given. */
	public static List<String> siblings(final String id, final List<String> ids) {
		final List<String> out = new ArrayList<>();
		out.add(id);
		final String key = key(id);
		if (key.equals(id)) return out;
		for (final String other : ids)
			if (!other.equals(id) && key(other).equals(key)) out.add(other);
		return out;
	}
}
