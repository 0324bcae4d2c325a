package org.renovo.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.util.FileUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds an update site from the real run-time jars (as Maven resolved them for this build), a jar of the
 * compiled classes standing in for the project jar, and a small fake models folder, then checks the index
 * against the files as Fiji's updater would: names, sizes, checksums (recomputed by {@link UpdaterRule}),
 * timestamps, and that nothing on disk is unlisted. Skips when a jar is not on the class path as a file.
 */
class UpdateSiteBuilderTest {

	private static final Instant T1 = Instant.parse("2026-11-26T10:15:00Z");
	private static final Instant T2 = Instant.parse("2026-12-01T08:00:00Z");

	@TempDir
	Path dir;
	private Path projectJar, models, dest;
	private List<Path> runtimeJars;

	@BeforeEach
	void setUp() throws IOException {
		runtimeJars = new ArrayList<>();
		for (final String className : List.of("ai.onnxruntime.OrtEnvironment", "ai.onnx.proto.OnnxMl", "com.google.protobuf.Message",
			"com.google.gson.Gson", "org.scijava.Context", "org.scijava.parsington.Token", "net.imglib2.Interval", "ij.ImagePlus"))
			runtimeJars.add(jarOf(className));
		projectJar = TestJars.ofClasses(Paths.get("target", "classes"), dir.resolve("renovo-0.0.0-TEST.jar"));
		models = Files.createDirectories(dir.resolve("models"));
		for (final String id : List.of("tiny-x2", "tiny-denoise")) {
			Files.write(models.resolve(id + ".onnx"), ("not really onnx: " + id).getBytes(StandardCharsets.US_ASCII));
			Files.write(models.resolve(id + ".json"), ("{\"id\": \"" + id + "\"}\n").getBytes(StandardCharsets.US_ASCII));
		}
		dest = Files.createDirectories(dir.resolve("site"));
	}

	@Test
	void indexMatchesTheFilesAsTheUpdaterSeesThem() throws Exception {
		// process
		UpdateSiteBuilder.build(dest, projectJar, runtimeJars, models, false, T1);
		// test
		final List<Element> plugins = plugins(dest);
		assertEquals(Set.of("jars/renovo.jar", "jars/onnxruntime.jar", "jars/tribuo-util-onnx.jar", "models/renovo/tiny-x2.onnx",
			"models/renovo/tiny-x2.json", "models/renovo/tiny-denoise.onnx", "models/renovo/tiny-denoise.json"),
			plugins.stream().map(p -> FileUtils.stripFilenameVersion(p.getAttribute("filename"))).collect(Collectors.toSet()));
		assertTrue(names(plugins).contains("jars/onnxruntime-1.28.0.jar"), names(plugins).toString());
		checkEveryEntryAgainstItsFile(plugins);
		assertEquals(onDisk(dest), serverPaths(plugins), "every file of the site has an entry, and only those");
	}

	@Test
	void projectJarDependsOnTheShippedJarsAtTheirTimestamps() throws Exception {
		UpdateSiteBuilder.build(dest, projectJar, smallRuntimeJars(), models, false, T1);
		final Map<String, String> timestamps = new HashMap<>();
		for (final Element p : plugins(dest))
			timestamps.put(FileUtils.stripFilenameVersion(p.getAttribute("filename")), version(p).getAttribute("timestamp"));
		final Map<String, String> found = dependencies(plugin(dest, "jars/renovo.jar"));
		assertEquals(Map.of("jars/onnxruntime.jar", timestamps.get("jars/onnxruntime.jar"), "jars/tribuo-util-onnx.jar",
			timestamps.get("jars/tribuo-util-onnx.jar")), found);
	}

	@Test
	void indexIsValidAgainstItsOwnDtdAndDescriptionsCarryNoIndentation() throws Exception {
		final List<SiteFile> files = UpdateSiteBuilder.build(dest, projectJar, smallRuntimeJars(), models, false, T1);
		// a validating parse: every element and attribute is where the updater's DTD puts it
		final SAXParserFactory validating = SAXParserFactory.newInstance();
		validating.setValidating(true);
		final Map<String, String> descriptions = new HashMap<>();
		try (InputStream in = new GZIPInputStream(Files.newInputStream(dest.resolve("db.xml.gz")))) {
			validating.newSAXParser().parse(in, new DefaultHandler() {
				// NB: collects text as imagej-updater's XMLFileReader does: appended, reset at each end tag.
				private String body = "", filename;

				@Override
				public void startElement(final String uri, final String local, final String name, final Attributes atts) {
					if (name.equals("plugin")) filename = atts.getValue("filename");
				}

				@Override
				public void characters(final char[] ch, final int start, final int length) {
					body += new String(ch, start, length);
				}

				@Override
				public void endElement(final String uri, final String local, final String name) {
					if (name.equals("description")) descriptions.put(filename, body);
					body = "";
				}

				@Override
				public void error(final SAXParseException e) throws SAXParseException {
					throw e;
				}
			});
		}
		for (final SiteFile f : files)
			assertEquals(f.description, descriptions.get(f.path));
		assertTrue(descriptions.get(projectJar.getFileName().toString().replace("renovo", "jars/renovo")).startsWith("Renovo 0.0.0-TEST: "));
	}

	@Test
	void versionStrippingAgreesWithScijava() {
		for (final String path : List.of("jars/renovo-0.1.0-SNAPSHOT.jar", "jars/onnxruntime-1.28.0.jar", "jars/onnxruntime_gpu-1.28.0.jar",
			"jars/tribuo-util-onnx-4.3.2.jar", "jars/protobuf-java-4.32.0.jar", "models/renovo/realesrgan-x4plus.onnx",
			"models/renovo/waifu2x-cunet-noise0-x2.json"))
			assertEquals(FileUtils.stripFilenameVersion(path), SiteFile.unversioned(path), path);
	}

	@Test
	void gpuSiteCarriesTheCudaBuildInsteadOfTheCpuOne() throws Exception {
		// setup: a small stand-in for the 642 MB onnxruntime_gpu jar
		final List<Path> withGpu = new ArrayList<>(runtimeJars);
		withGpu.add(TestJars.write(dir.resolve("onnxruntime_gpu-1.28.0.jar"), Map.of("ai/onnxruntime/OrtEnvironment.class", "stand-in")));
		// process
		UpdateSiteBuilder.build(dest, projectJar, withGpu, models, true, T1);
		// test
		final List<Element> plugins = plugins(dest);
		assertTrue(names(plugins).contains("jars/onnxruntime_gpu-1.28.0.jar"));
		assertFalse(names(plugins).contains("jars/onnxruntime-1.28.0.jar"));
		assertEquals(Set.of("jars/onnxruntime_gpu.jar", "jars/tribuo-util-onnx.jar"), dependencies(plugin(dest, "jars/renovo.jar")).keySet());
		checkEveryEntryAgainstItsFile(plugins);
		assertEquals(onDisk(dest), serverPaths(plugins));
	}

	@Test
	void siteJarsDecideWhatShips() {
		final List<Path> jars = List.of(Paths.get("gson-2.10.1.jar"), Paths.get("onnxruntime-1.28.0.jar"), Paths.get("protobuf-java-4.32.0.jar"),
			Paths.get("tribuo-util-onnx-4.3.2.jar"), Paths.get("scijava-common-2.100.1.jar"));
		assertEquals(List.of(Paths.get("onnxruntime-1.28.0.jar"), Paths.get("tribuo-util-onnx-4.3.2.jar")), SiteJars.select(jars, false));
		final IllegalArgumentException noGpu = assertThrows(IllegalArgumentException.class, () -> SiteJars.select(jars, true));
		assertTrue(noGpu.getMessage().contains("onnxruntime_gpu"), noGpu.getMessage());
		final List<Path> unknown = new ArrayList<>(jars);
		unknown.add(Paths.get("commons-io-2.16.1.jar"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SiteJars.select(unknown, false)).getMessage().contains("commons-io-2.16.1.jar"));
	}

	@Test
	void rebuildKeepsUnchangedFilesAndRecordsHistory() throws Exception {
		// setup
		UpdateSiteBuilder.build(dest, projectJar, smallRuntimeJars(), models, false, T1);
		final String oldX2 = version(plugin(dest, "models/renovo/tiny-x2.onnx")).getAttribute("checksum");
		final String oldDenoise = version(plugin(dest, "models/renovo/tiny-denoise.onnx")).getAttribute("checksum");
		Files.write(models.resolve("tiny-x2.onnx"), "retrained".getBytes(StandardCharsets.US_ASCII));
		Files.delete(models.resolve("tiny-denoise.onnx"));
		Files.delete(models.resolve("tiny-denoise.json"));
		// process
		UpdateSiteBuilder.build(dest, projectJar, smallRuntimeJars(), models, false, T2);
		// test
		final String t1 = UpdaterTimestamps.of(T1), t2 = UpdaterTimestamps.of(T2);
		assertEquals(t1, version(plugin(dest, "jars/onnxruntime.jar")).getAttribute("timestamp"), "unchanged: same version, nothing to download");
		final Element x2 = plugin(dest, "models/renovo/tiny-x2.onnx");
		assertEquals(t2, version(x2).getAttribute("timestamp"));
		assertPrevious(x2, oldX2, t1, t2);
		final Element denoise = plugin(dest, "models/renovo/tiny-denoise.onnx");
		assertEquals(0, denoise.getElementsByTagName("version").getLength(), "withdrawn: no current version");
		assertPrevious(denoise, oldDenoise, t1, t2);
		final List<Element> plugins = plugins(dest);
		checkEveryEntryAgainstItsFile(plugins.stream().filter(p -> p.getElementsByTagName("version").getLength() > 0).collect(Collectors.toList()));
		final Set<String> listed = serverPaths(plugins);
		for (final Element p : plugins) {
			final NodeList previous = p.getElementsByTagName("previous-version");
			for (int i = 0; i < previous.getLength(); i++) {
				final Element v = (Element) previous.item(i);
				listed.add(v.getAttribute("filename") + "-" + v.getAttribute("timestamp"));
			}
		}
		assertEquals(onDisk(dest), listed, "old versions stay on the server, each one listed");
	}

	@Test
	void changedFileNeedsALaterTimestamp() throws Exception {
		UpdateSiteBuilder.build(dest, projectJar, smallRuntimeJars(), models, false, T2);
		Files.write(models.resolve("tiny-x2.onnx"), "retrained".getBytes(StandardCharsets.US_ASCII));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> UpdateSiteBuilder.build(dest, projectJar, smallRuntimeJars(), models, false, T1));
		assertTrue(e.getMessage().contains("models/renovo/tiny-x2.onnx changed"), e.getMessage());
	}

	// -- Helper methods --

	private static void checkEveryEntryAgainstItsFile(final List<Element> plugins) throws IOException {
		final DateTimeFormatter timestamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
		for (final Element p : plugins) {
			final String filename = p.getAttribute("filename");
			final Element v = version(p);
			LocalDateTime.parse(v.getAttribute("timestamp"), timestamp);
			final Path stored = siteRoot(p).resolve(filename + "-" + v.getAttribute("timestamp"));
			assertTrue(Files.isRegularFile(stored), stored + " exists");
			assertEquals(Files.size(stored), Long.parseLong(v.getAttribute("filesize")), filename);
			assertEquals(UpdaterRule.checksum(filename, stored), v.getAttribute("checksum"), filename);
		}
	}

	/** The run-time jars with a small stand-in for ONNX Runtime's 43 MB, for tests about the index rather than real jars. */
	private List<Path> smallRuntimeJars() throws IOException {
		final Path standIn = dir.resolve("small").resolve("onnxruntime-1.28.0.jar");
		if (!Files.exists(standIn)) TestJars.write(Files.createDirectories(standIn.getParent()).resolve(standIn.getFileName()),
			Map.of("ai/onnxruntime/OrtEnvironment.class", "stand-in"));
		return runtimeJars.stream().map(j -> j.getFileName().toString().startsWith("onnxruntime-") ? standIn : j).collect(Collectors.toList());
	}

	/** Unversioned dependency path to its timestamp. */
	private static Map<String, String> dependencies(final Element plugin) {
		final NodeList deps = plugin.getElementsByTagName("dependency");
		final Map<String, String> found = new HashMap<>();
		for (int i = 0; i < deps.getLength(); i++) {
			final Element d = (Element) deps.item(i);
			found.put(d.getAttribute("filename"), d.getAttribute("timestamp"));
		}
		return found;
	}

	private static Path siteRoot(final Element plugin) {
		return (Path) plugin.getOwnerDocument().getUserData("root");
	}

	private static List<Element> plugins(final Path site) throws Exception {
		final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			final org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(in);
			doc.setUserData("root", site, null);
			assertEquals("pluginRecords", doc.getDocumentElement().getTagName());
			final NodeList list = doc.getElementsByTagName("plugin");
			final List<Element> plugins = new ArrayList<>();
			for (int i = 0; i < list.getLength(); i++)
				plugins.add((Element) list.item(i));
			return plugins;
		}
	}

	private static Element plugin(final Path site, final String unversioned) throws Exception {
		for (final Element p : plugins(site))
			if (FileUtils.stripFilenameVersion(p.getAttribute("filename")).equals(unversioned)) return p;
		throw new AssertionError("No entry for " + unversioned);
	}

	private static Element version(final Element plugin) {
		return (Element) plugin.getElementsByTagName("version").item(0);
	}

	private static void assertPrevious(final Element plugin, final String checksum, final String timestamp, final String obsolete) {
		final Element previous = (Element) plugin.getElementsByTagName("previous-version").item(0);
		assertEquals(List.of(checksum, timestamp, obsolete, plugin.getAttribute("filename")), List.of(previous.getAttribute("checksum"),
			previous.getAttribute("timestamp"), previous.getAttribute("timestamp-obsolete"), previous.getAttribute("filename")));
	}

	private static Set<String> names(final List<Element> plugins) {
		return plugins.stream().map(p -> p.getAttribute("filename")).collect(Collectors.toSet());
	}

	private static Set<String> serverPaths(final List<Element> plugins) {
		final Set<String> paths = new TreeSet<>();
		for (final Element p : plugins)
			if (p.getElementsByTagName("version").getLength() > 0) paths.add(p.getAttribute("filename") + "-" + version(p).getAttribute("timestamp"));
		return paths;
	}

	private static Set<String> onDisk(final Path site) throws IOException {
		try (Stream<Path> walk = Files.walk(site)) {
			return walk.filter(Files::isRegularFile).map(f -> site.relativize(f).toString().replace('\\', '/')).filter(f -> !f.equals("db.xml.gz"))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	/** The jar the class was loaded from; skips the test when it is not a jar file (e.g. a class folder). */
	private static Path jarOf(final String className) {
		try {
			final Path location = Paths.get(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
			Assumptions.assumeTrue(location.toString().endsWith(".jar") && Files.isRegularFile(location), className + " is not loaded from a jar: " + location);
			return location;
		}
		catch (final ClassNotFoundException | URISyntaxException e) {
			Assumptions.abort(className + " is not on the class path as a file: " + e);
			throw new AssertionError(e);
		}
	}
}
