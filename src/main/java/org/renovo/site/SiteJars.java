package org.renovo.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of Renovo's run-time dependency jars an update site carries. Fiji already ships SciJava Common,
 * Parsington, ImgLib2, ImageJ 1.x, Gson and protobuf-java; shipping them again would make this site
 * override Fiji's own copies (the updater keys files by unversioned name), so they stay out. The site
 * carries ONNX Runtime (CPU, or with {@code gpu} the CUDA build: the two jars hold the same classes, so
 * exactly one) and tribuo-util-onnx. An unknown jar is an error, so that a new dependency gets a decision.
 */
public final class SiteJars {

	/** Artifact ids of jars that Fiji's own update site provides (see README, "Fiji update site"). */
	public static final Set<String> SHIPPED_BY_FIJI = Set.of("scijava-common", "parsington", "imglib2", "ij", "gson", "protobuf-java");
	public static final String ORT_CPU = "onnxruntime";
	public static final String ORT_GPU = "onnxruntime_gpu";
	private static final Set<String> SHIPPED_BY_RENOVO = Set.of(ORT_CPU, ORT_GPU, "tribuo-util-onnx");

	private SiteJars() {}

	/**
	 * The jars of {@code runtimeJars} (Maven file names, {@code <artifactId>-<version>.jar}) the site carries.
	 * @throws IllegalArgumentException for a jar in neither list, or when the chosen ONNX Runtime is missing
	 */
	public static List<Path> select(final List<Path> runtimeJars, final boolean gpu) {
		final List<Path> shipped = new ArrayList<>();
		boolean hasRuntime = false;
		for (final Path jar : runtimeJars) {
			final String artifact = artifactId(jar);
			if (SHIPPED_BY_FIJI.contains(artifact)) continue;
			if (!SHIPPED_BY_RENOVO.contains(artifact)) throw new IllegalArgumentException("Runtime dependency " + jar.getFileName() +
				" is new: decide whether Fiji ships it (SiteJars.SHIPPED_BY_FIJI) or the site must carry it (SHIPPED_BY_RENOVO)");
			if (artifact.equals(gpu ? ORT_CPU : ORT_GPU)) continue;
			hasRuntime |= artifact.equals(gpu ? ORT_GPU : ORT_CPU);
			shipped.add(jar);
		}
		if (!hasRuntime) throw new IllegalArgumentException("No " + (gpu ? ORT_GPU : ORT_CPU) + "-<version>.jar among " + runtimeJars +
			(gpu ? "; fetch it with: mvn dependency:copy -Dartifact=com.microsoft.onnxruntime:onnxruntime_gpu:<version>" : ""));
		return shipped;
	}

	/** {@code tribuo-util-onnx-4.3.2.jar} gives {@code tribuo-util-onnx}. */
	static String artifactId(final Path jar) {
		final String name = SiteFile.unversioned(jar.getFileName().toString());
		if (!name.endsWith(".jar") || name.equals(jar.getFileName().toString()))
			throw new IllegalArgumentException("Expected a Maven jar name <artifactId>-<version>.jar, got " + jar.getFileName());
		return name.substring(0, name.length() - ".jar".length());
	}
}
