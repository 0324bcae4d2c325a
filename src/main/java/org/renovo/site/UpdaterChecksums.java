package org.renovo.site;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checksums as the ImageJ updater computes them, so that Fiji accepts a downloaded file and later sees
 * it as up to date. Learned from imagej-updater's {@code UpdaterUtil.getDigest}/{@code getJarDigest},
 * {@code SkipHashedLines} and {@code FilterManifest} (read 2026; the same rule is in the 2025 sources);
 * this is an independent implementation.
 * <ul>
 * <li>A path that does not end in {@code .jar}: SHA-1 of the path's ASCII bytes (as named in
 * {@code db.xml.gz}, e.g. {@code models/renovo/x.onnx}) followed by the file's bytes. NB: not a plain
 * SHA-1 of the content; the updater's installer checks downloads this way.</li>
 * <li>A jar: one SHA-1 over its entries sorted by name ({@link String#compareTo}), each contributing its
 * name's ASCII bytes and then its content, where a {@code .properties} entry loses its {@code #} comment
 * lines (they hold build dates) and {@code META-INF/MANIFEST.MF} contributes no content at all.</li>
 * </ul>
 * NB: the manifest's content is dropped because the updater keeps only lines whose upper-cased text starts
 * with the mixed-case {@code "Main-Class:"}, which never happens; its name is still digested. The updater
 * also accepts three older ("obsolete") jar checksums, see {@link #obsoleteOfJar}. Hex is lower case.
 */
public final class UpdaterChecksums {

	/** Manifest keys the second-newest rule ignores (upper case, as compared). */
	private static final Set<String> VOLATILE_MANIFEST_KEYS =
		Set.of("ARCHIVER-VERSION", "BUILT-BY", "BUILD-JDK", "CLASS-PATH", "CREATED-BY", "IMPLEMENTATION-BUILD");
	private static final String MANIFEST = "META-INF/MANIFEST.MF";

	/** How a jar rule treats {@code META-INF/MANIFEST.MF}. */
	enum ManifestRule {
		/** Content contributes nothing (the current rule). */
		DROPPED,
		/** Lines with a volatile key ({@link #VOLATILE_MANIFEST_KEYS}) are left out. */
		VOLATILE_LINES_DROPPED,
		/** Content as it is. */
		RAW
	}

	private UpdaterChecksums() {}

	/** The checksum the updater records for {@code file} published as {@code sitePath} (forward slashes). */
	public static String of(final String sitePath, final Path file) {
		if (sitePath.endsWith(".jar")) return ofJar(file);
		final MessageDigest sha1 = sha1();
		sha1.update(sitePath.getBytes(StandardCharsets.US_ASCII));
		try (InputStream in = Files.newInputStream(file)) {
			update(sha1, in);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read " + file + " to checksum it", e);
		}
		return hex(sha1.digest());
	}

	/** The current jar checksum (comment lines of {@code .properties} skipped, manifest content dropped). */
	public static String ofJar(final Path jar) {
		return ofJar(jar, true, ManifestRule.DROPPED);
	}

	/**
	 * The jar checksums of earlier updaters, which the updater still accepts as the same version, in its
	 * order: manifest without volatile lines; manifest as it is; everything as it is (no filtering).
	 */
	public static List<String> obsoleteOfJar(final Path jar) {
		return List.of(ofJar(jar, true, ManifestRule.VOLATILE_LINES_DROPPED), ofJar(jar, true, ManifestRule.RAW),
			ofJar(jar, false, ManifestRule.RAW));
	}

	static String ofJar(final Path jar, final boolean skipPropertiesComments, final ManifestRule manifest) {
		final MessageDigest sha1 = sha1();
		try (JarFile file = new JarFile(jar.toFile())) {
			final List<JarEntry> entries = new ArrayList<>(Collections.list(file.entries()));
			entries.sort((a, b) -> a.getName().compareTo(b.getName()));
			for (final JarEntry entry : entries) {
				final String name = entry.getName();
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				try (InputStream in = file.getInputStream(entry)) {
					if (name.equals(MANIFEST) && manifest != ManifestRule.RAW) {
						if (manifest == ManifestRule.VOLATILE_LINES_DROPPED) sha1.update(withoutVolatileLines(in.readAllBytes()));
					}
					else if (skipPropertiesComments && name.endsWith(".properties")) sha1.update(withoutCommentLines(in.readAllBytes()));
					else update(sha1, in);
				}
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read jar " + jar + " to checksum it", e);
		}
		return hex(sha1.digest());
	}

	/**
	 * The updater's comment filter for {@code .properties} entries. A {@code #} at the start of a line opens
	 * a comment whose bytes are dropped up to and excluding its {@code '\n'}, which is kept. Quirks kept on
	 * purpose: any byte read at a line start, an empty line's {@code '\n'} included, ends the line start,
	 * and so does the {@code '\n'} of a bare {@code "#\n"}; so the line after either is never a comment.
	 * A {@code #} right after a comment's {@code #} opens a nested comment, which ends with the same newline.
	 */
	static byte[] withoutCommentLines(final byte[] in) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean atLineStart = true;
		int openComments = 0;
		for (int i = 0; i <= in.length; i++) {
			final int c = i < in.length ? in[i] & 0xff : -1;
			if (atLineStart && c == '#') {
				openComments++;
				continue;
			}
			if (atLineStart) atLineStart = false;
			else if (c == '\n') atLineStart = true;
			// NB: a newline or the end closes every open comment at once; inside a comment, other bytes vanish.
			if (c == '\n' || c == -1) openComments = 0;
			if (openComments == 0 && c != -1) out.write(c);
		}
		return out.toByteArray();
	}

	/**
	 * Manifest lines (split at {@code \n}, {@code \r} or {@code \r\n}) whose key before the first colon is
	 * volatile are left out; every other line is kept and ends in {@code '\n'}. NB: the updater decodes and
	 * encodes with the platform charset; this uses UTF-8, the same for the ASCII manifests jars carry.
	 */
	static byte[] withoutVolatileLines(final byte[] manifest) throws IOException {
		final StringBuilder kept = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(new StringReader(new String(manifest, StandardCharsets.UTF_8)))) {
			for (String line; (line = lines.readLine()) != null;) {
				final int colon = line.indexOf(':');
				if (colon > 0 && VOLATILE_MANIFEST_KEYS.contains(line.substring(0, colon).toUpperCase(Locale.ROOT))) continue;
				kept.append(line).append('\n');
			}
		}
		return kept.toString().getBytes(StandardCharsets.UTF_8);
	}

	// -- Helper methods --

	private static void update(final MessageDigest digest, final InputStream in) throws IOException {
		final byte[] buffer = new byte[1 << 16];
		for (int n; (n = in.read(buffer)) >= 0;)
			digest.update(buffer, 0, n);
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-1, which every Java platform must provide", e);
		}
	}

	static String hex(final byte[] bytes) {
		final StringBuilder s = new StringBuilder(bytes.length * 2);
		for (final byte b : bytes)
			s.append(String.format("%02x", b & 0xff));
		return s.toString();
	}
}
