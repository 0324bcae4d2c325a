package org.renovo.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.plugin.PNG_Writer;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RunOptions;
import org.renovo.task.ModelRuntime;
import org.renovo.task.UpscaleTask;

/** Test files for batches: seeded images, damaged files, and a fingerprint (SHA-256 and mtime) of a folder. */
final class BatchFiles {

	private BatchFiles() {}

	/** A seeded 8-bit grey PNG. */
	static Path grayPng(final Path file, final int width, final int height, final long seed) throws IOException {
		final Random r = new Random(seed);
		final ByteProcessor ip = new ByteProcessor(width, height);
		for (int i = 0; i < width * height; i++) ip.set(i, r.nextInt(256));
		return png(new ImagePlus("g", ip), file);
	}

	/** A seeded RGB PNG. */
	static Path rgbPng(final Path file, final int width, final int height, final long seed) throws IOException {
		final Random r = new Random(seed);
		final ColorProcessor ip = new ColorProcessor(width, height);
		for (int i = 0; i < width * height; i++) ip.set(i, r.nextInt(1 << 24));
		return png(new ImagePlus("c", ip), file);
	}

	private static Path png(final ImagePlus image, final Path file) throws IOException {
		try {
			new PNG_Writer().writeImage(image, file.toString(), -1);
			return file;
		}
		catch (final Exception e) {
			throw new IOException("Could not write " + file, e);
		}
	}

	/** A 16-bit TIFF with values above 255. */
	static Path shortTiff(final Path file, final int width, final int height) {
		final ShortProcessor ip = new ShortProcessor(width, height);
		for (int i = 0; i < width * height; i++) ip.set(i, 1000 + 37 * i);
		if (!new FileSaver(new ImagePlus("s", ip)).saveAsTiff(file.toString())) throw new IllegalStateException("Could not write " + file);
		return file;
	}

	/** The first 2000 bytes of the bundled example photo: a PNG that ends early. */
	static Path truncatedPng(final Path file) throws IOException {
		try (InputStream in = BatchFiles.class.getResourceAsStream("/org/renovo/cli/examples/chelsea.png")) {
			return Files.write(file, Arrays.copyOf(in.readAllBytes(), 2000));
		}
	}

	/** Every regular file's SHA-256 and modification time, by name. */
	static Map<String, String> fingerprint(final Path dir) throws IOException {
		final Map<String, String> prints = new TreeMap<>();
		for (final Path f : files(dir))
			prints.put(f.getFileName().toString(), sha256(f) + " " + Files.getLastModifiedTime(f).toMillis());
		return prints;
	}

	static List<String> names(final Path dir) throws IOException {
		return files(dir).stream().map(f -> f.getFileName().toString()).collect(Collectors.toList());
	}

	static List<Path> files(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
		}
	}

	static String sha256(final Path file) throws IOException {
		try {
			final byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
			final StringBuilder s = new StringBuilder();
			for (final byte b : d) s.append(String.format("%02x", b));
			return s.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JVM has SHA-256", e);
		}
	}

	/** demo-x2 over private models and cache folders under {@code dir}; close the engine when done. */
	static final class DemoUpscale implements AutoCloseable {
		final OrtInferenceEngine engine = new OrtInferenceEngine();
		final UpscaleTask task;

		DemoUpscale(final Path dir, final RunOptions options) {
			final ModelRuntime runtime = new ModelRuntime(new ModelRegistry(dir.resolve("models"), dir.resolve("cache")), engine, new GeometryResolver(dir.resolve("cache")));
			task = new UpscaleTask(runtime, "demo-x2", options);
		}

		@Override
		public void close() {
			engine.close();
		}
	}
}
