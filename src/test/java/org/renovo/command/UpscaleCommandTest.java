package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.macro.Interpreter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.renovo.engine.DeviceChoice;
import org.renovo.engine.InferenceEngine;
import org.renovo.engine.InferenceSession;
import org.renovo.engine.OrtInferenceEngine;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/** The command run as a macro would run it: through {@link CommandService}, with the macro keys. */
@ExtendWith(PrivateFolders.class)
class UpscaleCommandTest {

	private Context context;

	@BeforeEach
	void setUp() {
		context = new Context();
	}

	@AfterEach
	void tearDown() {
		context.dispose();
	}

	@ParameterizedTest
	@ValueSource(ints = { 8, 16, 24, 32 })
	void keepsTypeAndStackAndDoublesTheSize(final int bitDepth) throws Exception {
		// setup
		final ImagePlus input = TestImages.random("in.tif", bitDepth, 30, 22, 2, bitDepth == 16 ? 60000 : 255);
		if (bitDepth == 16) input.setDisplayRange(0, 65535);
		// process
		final ImagePlus out = resultOf(upscale(input, 64));
		// test
		assertEquals(bitDepth, out.getBitDepth());
		assertEquals(60, out.getWidth());
		assertEquals(44, out.getHeight());
		assertEquals(2, out.getStackSize());
		assertEquals("in-demo-x2-x2", out.getTitle());
		assertTrue(((String) out.getProperty("Info")).startsWith("Renovo: model demo-x2, x2"));
		if (bitDepth == 16) assertTrue(out.getStatistics().max > 255, "16-bit values kept beyond 8 bits");
	}

	@Test
	void keepsHyperstackDimensionsAndChannelRanges() throws Exception {
		final CompositeImage input = TestImages.hyperstack();
		final ImagePlus out = resultOf(upscale(input, 64));
		assertEquals(16, out.getBitDepth());
		assertArrayEquals(new int[] { 48, 40, 2, 3, 2 }, out.getDimensions());
		assertTrue(out instanceof CompositeImage);
		assertTrue(out.isHyperStack());
		for (int c = 1; c <= 2; c++) {
			assertEquals(input.getChannelLut(c).min, ((CompositeImage) out).getChannelLut(c).min);
			assertEquals(input.getChannelLut(c).max, ((CompositeImage) out).getChannelLut(c).max);
		}
	}

	@Test
	void halvesPixelSizeAndKeepsUnit() throws Exception {
		final ImagePlus input = TestImages.random("cal.tif", 8, 20, 20, 1, 255);
		input.getCalibration().pixelWidth = 0.5;
		input.getCalibration().pixelHeight = 0.5;
		input.getCalibration().setUnit("um");
		final ImagePlus out = resultOf(upscale(input, 64));
		assertEquals(0.25, out.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.25, out.getCalibration().pixelHeight, 1e-12);
		assertEquals(input.getCalibration().getUnit(), out.getCalibration().getUnit());
	}

	@Test
	void neverModifiesTheInput() throws Exception {
		for (final ImagePlus input : new ImagePlus[] { TestImages.hyperstack(), TestImages.random("rgb.png", 24, 33, 17, 1, 255) }) {
			input.getCalibration().pixelWidth = 0.7;
			final String before = TestImages.fingerprint(input);
			resultOf(upscale(input, 32));
			assertEquals(before, TestImages.fingerprint(input));
		}
	}

	@Test
	void tiledEqualsUntiled() throws Exception {
		final ImagePlus input = TestImages.random("tiles.tif", 8, 70, 45, 1, 255);
		final ImagePlus tiled = resultOf(upscale(input, 32));
		final ImagePlus whole = resultOf(upscale(input, 512));
		assertArrayEquals((byte[]) whole.getProcessor().getPixels(), (byte[]) tiled.getProcessor().getPixels());
	}

	@Test
	void unknownModelCancelsWithItsName() throws Exception {
		final UpscaleCommand m = run("image", TestImages.random("a", 8, 8, 8, 1, 255), "model", "no-such-model", "tile_size", 64, "tile_overlap", 16, "device", "cpu");
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("no-such-model"), m.getCancelReason());
		assertNull(m.getOutput("result"));
	}

	@Test
	void overlapTooLargeForTheTileCancelsWithTheKeys() throws Exception {
		final UpscaleCommand m = upscale(TestImages.random("a", 8, 8, 8, 1, 255), 16);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("tile_overlap=16"), m.getCancelReason());
	}

	@Test
	void reusesTheSessionAcrossRuns() throws Exception {
		// setup
		final DefaultRenovoService service = (DefaultRenovoService) context.service(RenovoService.class);
		final RecordingEngine engine = new RecordingEngine(new OrtInferenceEngine());
		service.setEngine(engine);
		final ImagePlus input = TestImages.random("s", 8, 16, 16, 1, 255);
		// process
		resultOf(upscale(input, 64));
		resultOf(upscale(input, 64));
		// test
		assertTrue(engine.handedOut.size() >= 2);
		for (final InferenceSession s : engine.handedOut)
			assertSame(engine.handedOut.get(0), s);
	}

	@Test
	void registersTheResultForHeadlessBatchMacros() throws Exception {
		Interpreter.batchMode = true;
		try {
			final ImagePlus out = resultOf(upscale(TestImages.random("batch.tif", 8, 8, 8, 1, 255), 64));
			assertSame(out, Interpreter.getLastBatchModeImage());
			Interpreter.removeBatchModeImage(out);
		}
		finally {
			Interpreter.batchMode = false;
		}
	}

	@Test
	void listsModelIdsAsChoices() throws Exception {
		final UpscaleCommand m = upscale(TestImages.random("c", 8, 8, 8, 1, 255), 64);
		assertTrue(m.getInfo().getInput("model").getChoices().contains("demo-x2"));
	}

	private UpscaleCommand upscale(final ImagePlus input, final int tileSize) throws InterruptedException, ExecutionException {
		return run("image", input, "model", "demo-x2", "tile_size", tileSize, "tile_overlap", 16, "device", "cpu");
	}

	/**
	 * NB: {@code CommandService.run} returns null for a {@code DynamicCommand} (it cannot type the future),
	 * so run through the module service, as imagej-legacy does for macros; the keys are the same.
	 */
	private UpscaleCommand run(final Object... keysAndValues) throws InterruptedException, ExecutionException {
		final CommandInfo info = context.service(CommandService.class).getCommand(UpscaleCommand.class);
		return (UpscaleCommand) context.service(ModuleService.class).run(info, true, keysAndValues).get();
	}

	private static ImagePlus resultOf(final UpscaleCommand m) {
		assertFalse(m.isCanceled(), m.getCancelReason());
		return (ImagePlus) m.getOutput("result");
	}

	/** Records every session the engine hands out, so a test sees whether runs share one. */
	private static final class RecordingEngine implements InferenceEngine {
		final InferenceEngine delegate;
		final List<InferenceSession> handedOut = new ArrayList<>();

		RecordingEngine(final InferenceEngine delegate) {
			this.delegate = delegate;
		}

		@Override
		public InferenceSession session(final Path model, final DeviceChoice choice) {
			final InferenceSession s = delegate.session(model, choice);
			handedOut.add(s);
			return s;
		}

		@Override
		public void close() {
			delegate.close();
		}
	}
}
