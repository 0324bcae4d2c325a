package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/** The batch command run as a macro would run it, headless, with its macro keys. */
@ExtendWith(PrivateFolders.class)
class BatchCommandTest {

	@TempDir
	Path dir;
	Path in, out;
	private Context context;

	@BeforeEach
	void setUp() throws IOException {
		context = new Context();
		in = Files.createDirectory(dir.resolve("in"));
		out = dir.resolve("out");
		for (final int bitDepth : new int[] { 8, 16 })
			assertTrue(new FileSaver(TestImages.random("in" + bitDepth, bitDepth, 13, 9, 1, 200)).saveAsTiff(in.resolve("img" + bitDepth + ".tif").toString()));
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	@Test
	void upscalesEveryFileGoesOnPastABadOneAndResumes() throws Exception {
		Files.write(in.resolve("bad.png"), new byte[] { 1, 2, 3 });
		final BatchCommand first = run("pattern", "*", "format", "png");
		assertFalse(first.isCanceled(), first.getCancelReason());
		assertEquals(List.of("img16.png", "img8.png"), names(out));
		final ImagePlus sixteen = new Opener().openImage(out.resolve("img16.png").toString());
		assertEquals(26, sixteen.getWidth());
		assertEquals(16, sixteen.getBitDepth());
		assertEquals(1, first.report().failed().size());
		assertTrue(first.report().failed().get(0).reason().contains("is not a PNG, TIFF or JPEG file"));
		final BatchCommand again = run("pattern", "*", "format", "png");
		assertEquals(2, again.report().skipped().size());
		assertEquals(0, again.report().done().size());
	}

	@Test
	void refusedSetUpCancelsWithTheReason() throws Exception {
		final BatchCommand same = run("output_dir", in.toFile());
		assertTrue(same.isCanceled());
		assertTrue(same.getCancelReason().contains("is the input folder"), same.getCancelReason());
		final BatchCommand denoise = run("task", "denoise");
		assertTrue(denoise.getCancelReason().contains("Denoise needs a 1x model"), denoise.getCancelReason());
		assertFalse(Files.exists(out));
	}

	@Test
	void cancelsWhenEveryFileFails() throws Exception {
		final BatchCommand m = run("pattern", "img16.*", "format", "jpg");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().startsWith("Nothing could be done: every file failed"), m.getCancelReason());
		assertTrue(m.getCancelReason().contains("JPEG holds 8-bit and RGB only"), m.getCancelReason());
		assertEquals(List.of(), names(out));
	}

	/** Runs the command with defaults for everything but {@code overrides}, through the module service as a macro would. */
	private BatchCommand run(final Object... overrides) throws InterruptedException, ExecutionException {
		final java.util.Map<String, Object> inputs = new java.util.LinkedHashMap<>();
		inputs.put("task", "upscale");
		inputs.put("model", "demo-x2");
		inputs.put("input_dir", in.toFile());
		inputs.put("output_dir", out.toFile());
		inputs.put("pattern", "*.tif");
		inputs.put("format", "tif");
		inputs.put("tile_size", 64);
		inputs.put("tile_overlap", 16);
		inputs.put("device", "cpu");
		for (int i = 0; i < overrides.length; i += 2) inputs.put((String) overrides[i], overrides[i + 1]);
		final CommandInfo info = context.service(CommandService.class).getCommand(BatchCommand.class);
		return (BatchCommand) context.service(ModuleService.class).run(info, true, inputs).get();
	}

	private static List<String> names(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
