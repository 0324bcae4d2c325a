package org.renovo.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a directory that a static web server can serve as a Fiji update site: each file under
 * {@code <path>-<timestamp>} ({@code jars/renovo-0.1.0-SNAPSHOT.jar-20261126101500},
 * {@code models/renovo/<id>.onnx-...}) and the index {@code db.xml.gz}. Run by {@code update-site/build}.
 * <p>
 * Rebuilding into a folder that holds a site keeps its history: a file whose checksum did not change
 * keeps its timestamp (nothing new to download), a changed one records its old version as a
 * {@code <previous-version>} (so Fiji offers the update rather than calling the installed copy locally
 * modified), and a file no longer published stays listed without a current version (Fiji then offers to
 * uninstall it). Old timestamped files are left on disk.
 * </p>
 * <pre>{@code
 * List<SiteFile> index = UpdateSiteBuilder.build(dest, projectJar, runtimeJars, modelsDir, false, Instant.now());
 * }</pre>
 */
public final class UpdateSiteBuilder {

	public static final String MODELS = "models/renovo/";

	private UpdateSiteBuilder() {}

	/** One file to publish: its path in Fiji, where its bytes are, what it is and what it needs. */
	private static final class Publication {
		final String path;
		final Path source;
		final String description;
		final List<String> dependencies;

		Publication(final String path, final Path source, final String description, final List<String> dependencies) {
			this.path = path;
			this.source = source;
			this.description = description;
			this.dependencies = dependencies;
		}
	}

	/**
	 * Lays out the site in {@code dest} and writes its index; returns the index's entries.
	 * @param runtimeJars Renovo's run-time dependencies as Maven copied them; {@link SiteJars} picks the shipped ones
	 * @param models a folder of {@code <id>.onnx} and {@code <id>.json} (as {@code models/fetch} installs them)
	 * @param now the timestamp of every new or changed file
	 */
	public static List<SiteFile> build(final Path dest, final Path projectJar, final List<Path> runtimeJars, final Path models,
		final boolean gpu, final Instant now)
	{
		final List<Path> shippedJars = SiteJars.select(runtimeJars, gpu);
		final List<Publication> publications = new ArrayList<>();
		publications.add(new Publication("jars/" + projectJar.getFileName(), projectJar, projectDescription(projectJar),
			shippedJars.stream().map(j -> SiteFile.unversioned("jars/" + j.getFileName())).collect(Collectors.toList())));
		for (final Path jar : shippedJars)
			publications.add(new Publication("jars/" + jar.getFileName(), jar, jarDescription(jar), List.of()));
		for (final Path file : modelFiles(models))
			publications.add(new Publication(MODELS + file.getFileName(), file, modelDescription(file), List.of()));

		final Path index = dest.resolve(PluginRecords.FILE_NAME);
		final Map<String, SiteFile> before = new LinkedHashMap<>();
		if (Files.exists(index)) for (final SiteFile old : PluginRecords.read(index))
			before.put(SiteFile.unversioned(old.path), old);

		final String timestamp = UpdaterTimestamps.of(now);
		final List<SiteFile> files = new ArrayList<>();
		for (final Publication p : publications)
			files.add(publish(p, before.remove(SiteFile.unversioned(p.path)), timestamp, dest));
		for (final SiteFile gone : before.values())
			files.add(withdrawn(gone, timestamp));
		PluginRecords.write(files, index);
		return files;
	}

	// -- Helper methods --

	private static SiteFile publish(final Publication p, final SiteFile old, final String now, final Path dest) {
		final String checksum = UpdaterChecksums.of(p.path, p.source);
		final boolean unchanged = old != null && checksum.equals(old.checksum) && p.path.equals(old.path);
		final List<SiteFile.PreviousVersion> previous = new ArrayList<>();
		if (old != null) previous.addAll(old.previous);
		if (old != null && old.checksum != null && !unchanged) {
			// NB: a new version under an old timestamp would overwrite the bytes clients verify against the old checksum.
			if (now.compareTo(old.timestamp) <= 0) throw new IllegalArgumentException(p.path + " changed, but the timestamp " + now +
				" is not after the site's current " + old.timestamp + " for " + old.path + ": build with a later --timestamp");
			previous.add(new SiteFile.PreviousVersion(old.checksum, old.timestamp, now, old.path));
		}
		final SiteFile file = new SiteFile(p.path, checksum, unchanged ? old.timestamp : now, size(p.source), p.description, p.dependencies, previous);
		if (!unchanged || !Files.exists(file.serverFile(dest))) copy(p.source, file.serverFile(dest));
		return file;
	}

	private static SiteFile withdrawn(final SiteFile gone, final String now) {
		if (gone.checksum == null) return gone;
		final List<SiteFile.PreviousVersion> previous = new ArrayList<>(gone.previous);
		previous.add(new SiteFile.PreviousVersion(gone.checksum, gone.timestamp, now, gone.path));
		return new SiteFile(gone.path, null, null, 0, null, List.of(), previous);
	}

	private static void copy(final Path source, final Path target) {
		try {
			Files.createDirectories(target.getParent());
			final Path partial = target.resolveSibling(target.getFileName() + ".partial");
			Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
		}
	}

	/** The models folder's {@code .onnx} files and their {@code .json} cards, sorted by name. */
	static List<Path> modelFiles(final Path models) {
		final List<Path> files;
		try (Stream<Path> list = Files.list(models)) {
			files = list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().matches("[^.].*\\.(onnx|json)")).sorted()
				.collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot list the models folder " + models, e);
		}
		for (final Path f : files)
			if (!Files.exists(partner(f))) throw new IllegalArgumentException(f + " has no " + partner(f).getFileName() +
				"; the models folder must hold <id>.onnx with its card <id>.json (models/fetch --dest DIR installs both)");
		if (files.isEmpty()) throw new IllegalArgumentException("No <id>.onnx models in " + models + "; install them with models/fetch --dest " + models);
		return files;
	}

	private static Path partner(final Path modelFile) {
		final String name = modelFile.getFileName().toString();
		final String id = name.substring(0, name.lastIndexOf('.'));
		return modelFile.resolveSibling(id + (name.endsWith(".onnx") ? ".json" : ".onnx"));
	}

	private static long size(final Path file) {
		try {
			return Files.size(file);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read the size of " + file, e);
		}
	}

	private static String projectDescription(final Path jar) {
		return "Renovo " + version(jar) + ": upscale, denoise and restore images with neural networks, tile by tile through ONNX Runtime"
			+ " (Plugins > Renovo). Models install into Fiji.app/models/renovo/.";
	}

	private static String jarDescription(final Path jar) {
		final String artifact = SiteJars.artifactId(jar);
		if (artifact.equals(SiteJars.ORT_GPU)) return "ONNX Runtime " + version(jar) + " for Java with CUDA 12 (needs NVIDIA's CUDA 12 and cuDNN 9 libraries), used by Renovo.";
		if (artifact.equals(SiteJars.ORT_CPU)) return "ONNX Runtime " + version(jar) + " for Java (CPU; Linux x64/arm64, macOS arm64, Windows x64), used by Renovo.";
		return artifact + " " + version(jar) + ", used by Renovo (ONNX protobuf classes, to build ONNX graphs and import ncnn models).";
	}

	private static String modelDescription(final Path file) {
		final String name = file.getFileName().toString();
		final String id = name.substring(0, name.lastIndexOf('.'));
		return name.endsWith(".onnx") ? "Renovo model " + id + " (ONNX weights)." : "Renovo model card of " + id + " (geometry, licence, provenance).";
	}

	private static String version(final Path jar) {
		final String name = jar.getFileName().toString();
		final String unversioned = SiteFile.unversioned(name);
		return name.substring(unversioned.length() - ".jar".length() + 1, name.length() - ".jar".length());
	}

	/**
	 * {@code --dest DIR --project-jar JAR --dependencies DIR --models DIR [--gpu] [--timestamp yyyyMMddHHmmss]};
	 * the dependencies folder holds Maven's copies of the run-time jars.
	 */
	public static void main(final String... args) {
		final Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--gpu")) options.put("--gpu", "true");
			else if (args[i].matches("--(dest|project-jar|dependencies|models|timestamp)") && i + 1 < args.length) options.put(args[i], args[++i]);
			else exit(2, "Unknown or incomplete option " + args[i] + "\n" + usage());
		}
		for (final String required : List.of("--dest", "--project-jar", "--dependencies", "--models"))
			if (!options.containsKey(required)) exit(2, "Missing " + required + "\n" + usage());
		try {
			final Instant now = options.containsKey("--timestamp") ? UpdaterTimestamps.parse(options.get("--timestamp")) : Instant.now();
			final Path dest = Path.of(options.get("--dest"));
			Files.createDirectories(dest);
			final List<SiteFile> files = build(dest, Path.of(options.get("--project-jar")), jarsIn(Path.of(options.get("--dependencies"))),
				Path.of(options.get("--models")), options.containsKey("--gpu"), now);
			final long bytes = files.stream().filter(f -> f.checksum != null).mapToLong(f -> f.filesize).sum();
			for (final SiteFile f : files)
				System.out.println(f);
			System.out.printf("update-site: %d files, %.1f MB, index %s%n", files.stream().filter(f -> f.checksum != null).count(), bytes / 1e6,
				dest.resolve(PluginRecords.FILE_NAME));
		}
		catch (final IOException e) {
			exit(1, "update-site: " + e);
		}
		catch (final RuntimeException e) {
			exit(1, "update-site: " + e.getMessage());
		}
	}

	private static List<Path> jarsIn(final Path folder) throws IOException {
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
		}
	}

	private static String usage() {
		return "Usage: UpdateSiteBuilder --dest DIR --project-jar JAR --dependencies DIR --models DIR [--gpu] [--timestamp yyyyMMddHHmmss]";
	}

	private static void exit(final int status, final String message) {
		System.err.println(message);
		System.exit(status);
	}
}
