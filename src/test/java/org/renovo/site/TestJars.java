package org.renovo.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made jars for the site tests: entries written in the order given, the manifest a plain entry. */
final class TestJars {

	private TestJars() {}

	static Path write(final Path jar, final Map<String, String> entries) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
			for (final Map.Entry<String, String> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return jar;
	}

	/** A jar of the compiled main classes, standing in for the project jar, which only {@code package} makes. */
	static Path ofClasses(final Path classes, final Path jar) throws IOException {
		final Map<String, Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter(Files::isRegularFile).sorted()
				.collect(Collectors.toMap(f -> classes.relativize(f).toString().replace('\\', '/'), f -> f, (a, b) -> a, LinkedHashMap::new));
		}
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
			zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
			zip.write("Manifest-Version: 1.0\r\nCreated-By: UpdateSiteBuilderTest\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("META-INF/maven/org.renovo/renovo/pom.properties"));
			zip.write(("#Created by a test at " + System.nanoTime() + "\nartifactId=renovo\ngroupId=org.renovo\n").getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
			for (final Map.Entry<String, Path> f : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(f.getKey()));
				Files.copy(f.getValue(), zip);
				zip.closeEntry();
			}
		}
		return jar;
	}
}
