package org.renovo.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import org.renovo.engine.InferenceSession;
import org.renovo.error.ModelFormatException;
import org.renovo.tiling.ModelGeometry;

/**
 * A model's geometry: as its card declares it, else as measured once by {@link GeometryProbe} and kept
 * under the SHA-256 of the model file, in memory and in a cache folder ({@code $RENOVO_CACHE}, else
 * {@code ~/.cache/renovo}), so later runs and later sessions do not probe again. Thread-safe.
 */
public final class GeometryResolver {

	private final Path cacheDir;
	private final Map<String, ModelGeometry> memory = new ConcurrentHashMap<>();
	private volatile int probes;

	public GeometryResolver(final Path cacheDir) {
		this.cacheDir = cacheDir;
	}

	public static Path defaultCacheDirectory() {
		final String env = System.getenv("RENOVO_CACHE");
		if (env != null && !env.isEmpty()) return Paths.get(env);
		return Paths.get(System.getProperty("user.home"), ".cache", "renovo");
	}

	public ModelGeometry geometry(final Model model, final InferenceSession session) {
		if (model.declaredGeometry().isPresent()) return model.declaredGeometry().get();
		final String key = sha256(model.file());
		return memory.computeIfAbsent(key, k -> loadOrProbe(k, session));
	}

	/** How many probe runs this resolver has made (for tests of the cache). */
	public int probeCount() {
		return probes;
	}

	private ModelGeometry loadOrProbe(final String key, final InferenceSession session) {
		final Path file = cacheDir.resolve("geometry").resolve(key + ".json");
		if (Files.isRegularFile(file)) {
			try (Reader in = Files.newBufferedReader(file)) {
				final ModelCard c = new Gson().fromJson(in, ModelCard.class);
				if (c != null && c.scale != null) return ModelCard.readGeometry(file);
			}
			catch (final IOException | JsonParseException | ModelFormatException e) {
				// NB: a damaged cache entry is re-measured and overwritten below.
			}
		}
		probes++;
		final ModelGeometry g = GeometryProbe.probe(session, session.signature().inputChannels());
		store(file, g);
		return g;
	}

	private static void store(final Path file, final ModelGeometry g) {
		final ModelCard c = new ModelCard();
		c.scale = g.scale();
		c.radius = g.isBounded() ? g.radius() : -1;
		c.border = g.border();
		c.multiple = g.multiple();
		c.minSize = g.minSize();
		try {
			Files.createDirectories(file.getParent());
			final Path tmp = Files.createTempFile(file.getParent(), ".geometry-", ".part");
			try (Writer out = Files.newBufferedWriter(tmp)) {
				new Gson().toJson(c, out);
			}
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			// NB: the cache is an optimisation; an unwritable cache folder only costs a probe next time.
		}
	}

	static String sha256(final Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			final byte[] buf = new byte[1 << 16];
			while (in.read(buf) >= 0) {
				// reading feeds the digest
			}
			final StringBuilder hex = new StringBuilder();
			for (final byte b : ((DigestInputStream) in).getMessageDigest().digest())
				hex.append(String.format("%02x", b));
			return hex.toString();
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot read model file " + file + ": " + e.getMessage(), e);
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("This JVM lacks SHA-256, which every Java platform must have", e);
		}
	}
}
