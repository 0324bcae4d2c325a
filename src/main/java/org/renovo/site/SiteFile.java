package org.renovo.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One file of an update site as {@code db.xml.gz} records it: its path in a Fiji installation
 * ({@code jars/renovo-0.1.0-SNAPSHOT.jar}, forward slashes, version kept in the name as the updater's
 * uploader keeps it), the updater's checksum, timestamp ({@code yyyyMMddHHmmss}) and size of the current
 * version, and what the updater shows and installs with it. The server stores the bytes under
 * {@link #serverPath()}. Immutable.
 */
public final class SiteFile {

	/** A version this file had before, kept so that Fiji offers an update instead of calling it modified. */
	public static final class PreviousVersion {
		public final String checksum;
		public final String timestamp;
		/** When the version was replaced ({@code yyyyMMddHHmmss}). */
		public final String timestampObsolete;
		/** The path it had, or null when the same as the file's. */
		public final String filename;

		public PreviousVersion(final String checksum, final String timestamp, final String timestampObsolete, final String filename) {
			this.checksum = Objects.requireNonNull(checksum, "checksum == null");
			this.timestamp = UpdaterTimestamps.requireValid(timestamp);
			this.timestampObsolete = timestampObsolete;
			this.filename = filename;
		}
	}

	public final String path;
	/** Null for a file removed from the site (only its previous versions remain). */
	public final String checksum;
	public final String timestamp;
	public final long filesize;
	public final String description;
	/** Unversioned paths ({@code jars/onnxruntime.jar}) of the files this one needs. */
	public final List<String> dependencies;
	public final List<PreviousVersion> previous;

	public SiteFile(final String path, final String checksum, final String timestamp, final long filesize, final String description,
		final List<String> dependencies, final List<PreviousVersion> previous)
	{
		if (path.startsWith("/") || path.contains("\\")) throw new IllegalArgumentException("Site path must be relative with forward slashes: " + path);
		this.path = path;
		this.checksum = checksum;
		this.timestamp = checksum == null ? null : UpdaterTimestamps.requireValid(timestamp);
		this.filesize = filesize;
		this.description = description;
		this.dependencies = List.copyOf(dependencies);
		this.previous = List.copyOf(previous);
	}

	/** The path of the current version's bytes on the server: {@code <path>-<timestamp>}. */
	public String serverPath() {
		if (checksum == null) throw new IllegalStateException(path + " was removed from the site; it has no current version");
		return path + "-" + timestamp;
	}

	/** Where the current version lies under {@code siteRoot}. */
	public Path serverFile(final Path siteRoot) {
		return siteRoot.resolve(serverPath());
	}

	/**
	 * The path without the version, the updater's key for "the same file" across versions:
	 * {@code jars/tribuo-util-onnx-4.3.2.jar} becomes {@code jars/tribuo-util-onnx.jar}. Only jar names carry
	 * versions here; NB: the updater's own pattern (scijava-common {@code FileUtils.stripFilenameVersion}) knows
	 * more shapes, and gives the same answer for Renovo's jars (checked by a test).
	 */
	public static String unversioned(final String path) {
		return path.replaceFirst("^(.*/)?([^/]+?)-\\d[^/]*(\\.jar)$", "$1$2$3");
	}

	@Override
	public String toString() {
		return path + (checksum == null ? " (removed)" : " " + checksum + " " + timestamp + " " + filesize + " bytes");
	}
}
