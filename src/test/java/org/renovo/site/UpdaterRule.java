package org.renovo.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The test's own reading of the updater's checksum rule, written apart from {@link UpdaterChecksums} and
 * as plainly as possible: a jar is read front to back with {@link ZipInputStream}, its entries sorted in a
 * {@link TreeMap}; {@code .properties} lose lines starting with {@code #} (their newline stays); the
 * manifest contributes only its name. Other files: SHA-1 of path then bytes. NB: the comment rule here
 * ignores the updater's quirks after empty lines, which real {@code pom.properties} files do not have.
 */
final class UpdaterRule {

	private UpdaterRule() {}

	static String checksum(final String path, final Path file) throws IOException {
		final MessageDigest sha1 = sha1();
		if (!path.endsWith(".jar")) {
			sha1.update(path.getBytes(StandardCharsets.US_ASCII));
			sha1.update(Files.readAllBytes(file));
			return hex(sha1.digest());
		}
		final Map<String, byte[]> entries = new TreeMap<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;)
				entries.put(e.getName(), readAll(zip));
		}
		for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
			sha1.update(e.getKey().getBytes(StandardCharsets.US_ASCII));
			if (e.getKey().equals("META-INF/MANIFEST.MF")) continue;
			sha1.update(e.getKey().endsWith(".properties") ? dropCommentLines(e.getValue()) : e.getValue());
		}
		return hex(sha1.digest());
	}

	static byte[] dropCommentLines(final byte[] text) {
		final String s = new String(text, StandardCharsets.ISO_8859_1);
		final StringBuilder out = new StringBuilder();
		for (final String line : s.split("(?<=\n)"))
			out.append(line.startsWith("#") ? (line.endsWith("\n") ? "\n" : "") : line);
		return out.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] readAll(final InputStream in) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String hex(final byte[] bytes) {
		return String.format("%040x", new java.math.BigInteger(1, bytes));
	}
}
