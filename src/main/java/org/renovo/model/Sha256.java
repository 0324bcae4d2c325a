package org.renovo.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests as lower-case hex, the key of Renovo's caches and the checksum in model cards. */
public final class Sha256 {

	private Sha256() {}

	/** @throws ModelFormatException naming the file when it cannot be read */
	public static String of(final Path file) {
		final MessageDigest md = digest();
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] buf = new byte[1 << 16];
			for (int n; (n = in.read(buf)) >= 0;)
				md.update(buf, 0, n);
		}
		catch (final IOException e) {
			throw new org.renovo.error.ModelFormatException("Cannot read model file " + file + ": " + e.getMessage(), e);
		}
		return hex(md.digest());
	}

	public static String of(final byte[]... parts) {
		final MessageDigest md = digest();
		for (final byte[] p : parts)
			md.update(p);
		return hex(md.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("This JVM lacks SHA-256, which every Java platform must have", e);
		}
	}

	private static String hex(final byte[] digest) {
		final StringBuilder hex = new StringBuilder(2 * digest.length);
		for (final byte b : digest)
			hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
		return hex.toString();
	}
}
