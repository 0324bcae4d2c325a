package org.renovo.model.ncnn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.renovo.error.ModelFormatException;

/**
 * Reads an ncnn {@code .param} text file (docs/NCNN.md §1):
 * <pre>
 * 7767517
 * &lt;layer_count&gt; &lt;blob_count&gt;
 * &lt;Type&gt; &lt;name&gt; &lt;n_in&gt; &lt;n_out&gt; &lt;in_blob&gt;... &lt;out_blob&gt;... [id=value ...]
 * </pre>
 * Values: {@code 3}, {@code 2.000000e-01} (a float iff it has {@code .}, {@code e} or {@code E}),
 * strings (first character a letter or {@code "}), old-style arrays {@code -233xx=len,v1,...} (real id
 * {@code -id - 23300}) and new-style arrays {@code id=v1,v2,...}. Ids are 0 to 31; numbers have at most
 * 15 characters, strings 255. One layer per line; blank lines are skipped.
 * <p>
 * Checks the structure ncnn relies on: the magic, the counts, blob names per layer, every consumed blob
 * produced by an earlier layer, no blob produced twice. Every failure is a {@link ModelFormatException}
 * naming the file, the line and, where there is one, the layer. Stateless and thread-safe.
 */
public final class NcnnParamParser {

	static final int MAGIC = 7767517;
	private static final int MAX_ID = 31, ARRAY_BASE = -23300, MAX_NUMBER = 15, MAX_STRING = 255;
	private static final Pattern INT = Pattern.compile("[+-]?\\d+");
	private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
	private static final Pattern SPACE = Pattern.compile("\\s+");

	private NcnnParamParser() {}

	/** @throws ModelFormatException when the file cannot be read or is not a valid {@code .param} */
	public static NcnnGraph parse(final Path file) {
		try {
			return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot read ncnn param file " + file + ": " + e.getMessage(), e);
		}
	}

	/** Parses {@code text}; {@code file} only names it in messages. */
	public static NcnnGraph parse(final String text, final String file) {
		final String[] lines = text.split("\r?\n", -1);
		final Cursor at = new Cursor(file, lines);
		final String magic = at.next();
		if (magic == null || !magic.trim().equals(Integer.toString(MAGIC)))
			throw at.error("bad magic '" + abbreviate(magic == null ? "" : magic.trim()) + "', expected " + MAGIC + ": this is not an ncnn text .param file (a binary .param.bin, or the .bin given as .param?)");
		final String[] counts = tokens(at.next());
		if (counts.length != 2) throw at.error("expected '<layer_count> <blob_count>', found '" + abbreviate(at.current()) + "'");
		final int layerCount = positive(at, counts[0], "layer count"), blobCount = positive(at, counts[1], "blob count");
		final List<NcnnLayer> layers = new ArrayList<>();
		final Map<String, NcnnLayer> producers = new HashMap<>();
		final Set<String> blobs = new HashSet<>();
		for (String line; (line = at.next()) != null;) {
			if (line.trim().isEmpty()) continue;
			if (layers.size() == layerCount) throw at.error("more layers than the declared layer count " + layerCount + ": fix the count on line 2, or remove the extra lines");
			final NcnnLayer layer = layer(at, tokens(line));
			checkBlobs(at, layer, producers, blobs);
			layers.add(layer);
		}
		if (layers.size() != layerCount) throw new ModelFormatException(file + ": declares " + layerCount + " layers on line 2 but has " + layers.size() + ": the file is truncated or the count is wrong.");
		if (blobs.size() > blobCount) throw new ModelFormatException(file + ": declares " + blobCount + " blobs on line 2 but names " + blobs.size() + ": the count is wrong.");
		return new NcnnGraph(file, layers);
	}

	// -- Helper methods --

	private static NcnnLayer layer(final Cursor at, final String[] t) {
		if (t.length < 4) throw at.error("expected '<Type> <name> <n_in> <n_out> <blobs>... [params]', found only " + t.length + " token(s)");
		final String type = t[0], name = t[1];
		final String where = type + " '" + name + "'";
		final int nIn = count(at, t[2], where, "input count"), nOut = count(at, t[3], where, "output count");
		if (t.length < 4L + nIn + nOut) throw at.error(where + " declares " + nIn + " input and " + nOut + " output blob(s) but names only " + (t.length - 4));
		final List<String> inputs = new ArrayList<>(Arrays.asList(t).subList(4, 4 + nIn));
		final List<String> outputs = new ArrayList<>(Arrays.asList(t).subList(4 + nIn, 4 + nIn + nOut));
		final Map<Integer, ParamDict.Value> params = new HashMap<>();
		for (int i = 4 + nIn + nOut; i < t.length; i++)
			param(at, where, t[i], params);
		return new NcnnLayer(type, name, at.line(), inputs, outputs, new ParamDict(params));
	}

	private static void param(final Cursor at, final String where, final String token, final Map<Integer, ParamDict.Value> params) {
		final int eq = token.indexOf('=');
		if (eq <= 0) throw at.error(where + ": expected a parameter 'id=value', found '" + abbreviate(token) + "'");
		final String key = token.substring(0, eq), value = token.substring(eq + 1);
		if (!INT.matcher(key).matches() || key.length() > 10) throw at.error(where + ": parameter id '" + abbreviate(key) + "' is not an integer");
		final long raw = Long.parseLong(key);
		final boolean oldArray = raw <= ARRAY_BASE;
		final long id = oldArray ? -raw + ARRAY_BASE : raw;
		if (id < 0 || id > MAX_ID) throw at.error(where + ": parameter id " + key + " is out of range (ids are 0 to " + MAX_ID + ", arrays -23300 to -23331)");
		if (value.isEmpty()) throw at.error(where + ": parameter " + key + " has no value");
		params.put((int) id, oldArray ? oldArray(at, where, key, value) : value(at, where, key, value));
	}

	private static ParamDict.Value value(final Cursor at, final String where, final String key, final String value) {
		final char first = value.charAt(0);
		if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '"') {
			if (value.length() > MAX_STRING) throw at.error(where + ": string parameter " + key + " is longer than " + MAX_STRING + " characters");
			final boolean quoted = value.length() > 1 && first == '"' && value.endsWith("\"");
			return new ParamDict.Value(ParamDict.Kind.STRING, null, quoted ? value.substring(1, value.length() - 1) : value);
		}
		if (value.indexOf(',') >= 0) return array(at, where, key, value.split(",", -1), 0);
		final int bits = number(at, where, key, value);
		return new ParamDict.Value(isFloat(value) ? ParamDict.Kind.FLOAT : ParamDict.Kind.INT, new int[] { bits }, null);
	}

	private static ParamDict.Value oldArray(final Cursor at, final String where, final String key, final String value) {
		final String[] parts = value.split(",", -1);
		if (isFloat(parts[0]) || !INT.matcher(parts[0]).matches()) throw at.error(where + ": array " + key + " must start with its length, found '" + abbreviate(parts[0]) + "'");
		final int length = number(at, where, key, parts[0]);
		if (length < 0 || length != parts.length - 1)
			throw at.error(where + ": array " + key + " declares " + length + " element(s) but has " + (parts.length - 1));
		return array(at, where, key, parts, 1);
	}

	private static ParamDict.Value array(final Cursor at, final String where, final String key, final String[] parts, final int from) {
		final int[] bits = new int[parts.length - from];
		for (int i = from; i < parts.length; i++)
			bits[i - from] = number(at, where, key, parts[i]);
		return new ParamDict.Value(ParamDict.Kind.ARRAY, bits, null);
	}

	/** The 32 bits of an int or float literal. */
	private static int number(final Cursor at, final String where, final String key, final String s) {
		if (s.isEmpty()) throw at.error(where + ": parameter " + key + " has an empty value");
		if (s.length() > MAX_NUMBER) throw at.error(where + ": value '" + abbreviate(s) + "' of parameter " + key + " is longer than ncnn's " + MAX_NUMBER + " characters");
		if (isFloat(s)) {
			if (!FLOAT.matcher(s).matches()) throw at.error(where + ": value '" + s + "' of parameter " + key + " is not a number");
			return Float.floatToRawIntBits(Float.parseFloat(s));
		}
		if (!INT.matcher(s).matches()) throw at.error(where + ": value '" + s + "' of parameter " + key + " is not a number");
		final long v = Long.parseLong(s);
		if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw at.error(where + ": value " + s + " of parameter " + key + " does not fit in 32 bits");
		return (int) v;
	}

	private static boolean isFloat(final String s) {
		return s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0;
	}

	private static void checkBlobs(final Cursor at, final NcnnLayer layer, final Map<String, NcnnLayer> producers, final Set<String> blobs) {
		for (final String in : layer.inputs()) {
			if (!producers.containsKey(in))
				throw at.error(layer.type() + " '" + layer.name() + "' consumes blob '" + in + "', which no earlier layer produces: the file is damaged, or its layers are out of order");
			blobs.add(in);
		}
		for (final String out : layer.outputs()) {
			final NcnnLayer earlier = producers.putIfAbsent(out, layer);
			if (earlier != null) throw at.error(layer.type() + " '" + layer.name() + "' produces blob '" + out + "', which " + earlier.describe() + " already produces");
			blobs.add(out);
		}
	}

	private static int positive(final Cursor at, final String s, final String what) {
		if (!INT.matcher(s).matches() || s.length() > 10 || Long.parseLong(s) <= 0 || Long.parseLong(s) > Integer.MAX_VALUE) throw at.error(what + " must be a positive integer, found '" + abbreviate(s) + "'");
		return Integer.parseInt(s);
	}

	private static int count(final Cursor at, final String s, final String where, final String what) {
		if (!INT.matcher(s).matches() || s.length() > 6 || Integer.parseInt(s) < 0) throw at.error(where + ": " + what + " must be a small non-negative integer, found '" + abbreviate(s) + "'");
		return Integer.parseInt(s);
	}

	private static String[] tokens(final String line) {
		final String t = line == null ? "" : line.trim();
		return t.isEmpty() ? new String[0] : SPACE.split(t);
	}

	private static String abbreviate(final String s) {
		return s.length() <= 40 ? s : s.substring(0, 37) + "...";
	}

	/** Walks the lines and makes errors that name the file and the current line. */
	private static final class Cursor {
		private final String file;
		private final String[] lines;
		private int index = -1;

		Cursor(final String file, final String[] lines) {
			this.file = file;
			this.lines = lines;
		}

		String next() {
			if (index + 1 >= lines.length) {
				index = lines.length;
				return null;
			}
			return lines[++index];
		}

		String current() {
			return index < lines.length ? lines[index] : "";
		}

		int line() {
			return index + 1;
		}

		ModelFormatException error(final String message) {
			return new ModelFormatException(file + ":" + Math.min(line(), lines.length) + ": " + message + ".");
		}
	}
}
