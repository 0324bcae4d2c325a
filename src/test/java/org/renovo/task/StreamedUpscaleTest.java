package org.renovo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renovo.error.InvalidOptionsException;
import org.renovo.imagej.ImageFiles;
import org.renovo.model.GeometryResolver;
import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RunMonitor;
import org.renovo.pipeline.RunOptions;
import org.renovo.testing.BigTiffs;
import org.renovo.testing.SharedPipeline;
import org.renovo.testing.TinyModels;
import org.renovo.tiling.TileOptions;

/**
 * The streamed BigTIFF holds exactly the pixels of the in-memory result, read back with an independent
 * reader (TwelveMonkeys), for every pixel type, a stack, and a model whose tiles blend.
 */
class StreamedUpscaleTest {

	@TempDir Path dir;

	@ParameterizedTest(name = "{0} {1}x{2}x{3} {4}")
	@CsvSource({ "8, 300, 200, 1, conv-x2", "16, 300, 200, 1, conv-x2", "32, 300, 200, 1, conv-x2", "24, 300, 200, 1, conv-x2",
		"8, 130, 270, 2, conv-x2", "16, 300, 200, 2, tiny-x2", "24, 77, 301, 1, tiny-x4" })
	void streamedEqualsInMemory(final int bitDepth, final int width, final int height, final int planes, final String model) throws IOException {
		// setup: 64-px tiles with a 16-px overlap, so bands cut through blended rows of tiles
		final ImagePlus input = random(bitDepth, width, height, planes, width * 7L + bitDepth);
		final UpscaleTask task = new UpscaleTask(runtime(), model, RunOptions.defaults().withTiles(TileOptions.of(64, 16)));
		final Path file = dir.resolve("out.tif");
		// process
		final ImagePlus expected = task.apply(input, "expected", RunMonitor.NONE);
		task.streamTo(input, file, RunMonitor.NONE);
		// test
		assertEquals(planes, BigTiffs.planes(file));
		for (int p = 0; p < planes; p++)
			assertSameRegion(expected.getStack().getProcessor(p + 1), BigTiffs.read(file, p), new Rectangle(0, 0, expected.getWidth(), expected.getHeight()), "plane " + p);
		assertNoTemporaries();
	}

	@Test
	@Tag("slow")
	void largeRgbRegionsMatch() throws IOException {
		// setup: 3000x2000 RGB at 2x, default tiles; regions at the corners and across tile and band edges
		final ImagePlus input = random(24, 3000, 2000, 1, 5);
		final UpscaleTask task = new UpscaleTask(runtime(), "conv-x2", RunOptions.defaults());
		final Path file = dir.resolve("large.tif");
		// process
		final ImagePlus expected = task.apply(input, "expected", RunMonitor.NONE);
		task.streamTo(input, file, RunMonitor.NONE);
		// test
		final Raster read = BigTiffs.read(file, 0);
		for (final Rectangle r : new Rectangle[] { new Rectangle(0, 0, 300, 300), new Rectangle(5700, 3700, 300, 300), new Rectangle(440, 430, 700, 300),
			new Rectangle(2900, 1900, 600, 500), new Rectangle(0, 3990, 6000, 10) })
			assertSameRegion(expected.getProcessor(), read, r, "");
	}

	@Test
	void otherScalesAreRefusedBeforeAnyFile() {
		final UpscaleTask task = new UpscaleTask(runtime(), "tiny-x2", 3, RunOptions.defaults());
		final Path file = dir.resolve("x3.tif");
		assertThrows(InvalidOptionsException.class, () -> task.streamTo(random(8, 20, 20, 1, 1), file, RunMonitor.NONE));
		assertFalse(Files.exists(file));
	}

	@Test
	void autoStreamsOnlyWhatExceedsTheFreeHeap() {
		final UpscaleTask task = new UpscaleTask(runtime(), "tiny-x4", RunOptions.defaults());
		assertFalse(BigTiffChoice.AUTO.streams(task, random(8, 20, 20, 1, 1), true));
		assertTrue(BigTiffChoice.YES.streams(task, random(8, 20, 20, 1, 1), true));
		assertFalse(BigTiffChoice.YES.streams(task, random(8, 20, 20, 1, 1), false), "only TIFF outputs stream");
		// NB: a plane past 2^31 - 1 pixels cannot be an ImagePlus, whatever the heap: 12000^2 x 16 > 2^31.
		assertTrue(task.exceedsMemory(new ImagePlus("wide", new ij.process.ByteProcessor(12000, 12000))));
	}

	// -- Helper methods --

	private ModelRuntime runtime() {
		final ModelRuntime runtime = TaskModels.runtime(dir.resolve("models"));
		try {
			// NB: nearest x2 then a 3x3 convolution: tiles overlap and blend, unlike the pure nearest models.
			Files.copy(TinyModels.nearest2(), dir.resolve("models").resolve("conv-x2.onnx"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ModelRuntime(new ModelRegistry(dir.resolve("models"), dir.resolve("models/cache")), SharedPipeline.engine(), new GeometryResolver(dir.resolve("models/cache")));
	}

	private static void assertSameRegion(final ImageProcessor expected, final Raster read, final Rectangle r, final String what) {
		assertEquals(expected.getWidth() + "x" + expected.getHeight(), read.getWidth() + "x" + read.getHeight(), what + " size");
		final boolean rgb = expected instanceof ColorProcessor;
		for (int y = r.y; y < r.y + r.height; y++)
			for (int x = r.x; x < r.x + r.width; x++) {
				if (!rgb) assertEquals(expected.getf(x, y), read.getSampleFloat(x, y, 0), 0f, what + " at " + x + "," + y);
				else for (int b = 0; b < 3; b++)
					assertEquals(expected.get(x, y) >> 16 - 8 * b & 0xff, read.getSample(x, y, b), what + " at " + x + "," + y + " band " + b);
			}
	}

	private void assertNoTemporaries() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(0, files.filter(ImageFiles::isTemporary).count());
		}
	}

	static ImagePlus random(final int bitDepth, final int width, final int height, final int planes, final long seed) {
		final Random random = new Random(seed);
		final ImageStack stack = new ImageStack(width, height);
		for (int p = 0; p < planes; p++) {
			final ImageProcessor ip = new ImagePlus("", new ij.process.ByteProcessor(1, 1)).getProcessor().createProcessor(width, height);
			final ImageProcessor typed = bitDepth == 8 ? ip : bitDepth == 16 ? ip.convertToShort(false) : bitDepth == 32 ? ip.convertToFloat() : ip.convertToRGB();
			for (int i = 0; i < width * height; i++)
				typed.setf(i, bitDepth == 24 ? random.nextInt(1 << 24) : bitDepth == 32 ? (float) random.nextGaussian() * 100 : random.nextInt(bitDepth == 16 ? 5000 : 256));
			stack.addSlice(typed);
		}
		final ImagePlus image = new ImagePlus("random", stack);
		if (bitDepth == 16) image.setDisplayRange(0, 4000);
		if (bitDepth == 32) image.setDisplayRange(-200, 200);
		return image;
	}
}
