package org.renovo.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The updater's timestamps: the 14 digits {@code yyyyMMddHHmmss}, stored in {@code db.xml.gz} and appended
 * to a file's path on the server. The updater formats the file's modification time in the uploader's
 * local time zone (imagej-updater {@code UpdaterUtil.timestamp}); Renovo writes UTC, so that a site built
 * twice from the same inputs is the same. NB: clients only compare these numbers and build URLs from them.
 */
public final class UpdaterTimestamps {

	private static final DateTimeFormatter FORMAT =
		DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

	private UpdaterTimestamps() {}

	public static String of(final Instant time) {
		return FORMAT.format(time);
	}

	public static Instant parse(final String timestamp) {
		return Instant.from(FORMAT.parse(requireValid(timestamp)));
	}

	/** @throws IllegalArgumentException unless {@code timestamp} is 14 digits naming a real second */
	public static String requireValid(final String timestamp) {
		if (timestamp == null || !timestamp.matches("\\d{14}")) throw new IllegalArgumentException("Expected a timestamp yyyyMMddHHmmss, got " + timestamp);
		try {
			FORMAT.parse(timestamp);
		}
		catch (final DateTimeParseException e) {
			throw new IllegalArgumentException("Timestamp " + timestamp + " is not a real date and time (yyyyMMddHHmmss)", e);
		}
		return timestamp;
	}
}
