package org.renovo.model.ncnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renovo.model.ncnn.NcnnFixture.param;
import static org.renovo.model.ncnn.NcnnFixture.randoms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renovo.error.ModelFormatException;
import org.renovo.model.ncnn.NcnnFixture.Bin;

/** The converter's contract beyond single layers: errors, graph output, files, cache, geometry walk. */
class NcnnToOnnxConverterTest {

	private static final String CONV = "Convolution c 1 1 data y 0=4 1=3 4=1 5=1 6=108";

	private static ModelFormatException fails(final String param, final byte[] bin) {
		return assertThrows(ModelFormatException.class, () -> NcnnFixture.convert(param, bin));
	}

	@Test
	void oneErrorListsEveryUnsupportedLayerWithItsLine() {
		final ModelFormatException e = fails(param("Input in 0 1 data", "Swizzle s 1 1 data a", "BinaryOp b 1 1 a b2 0=10 1=1", "Convolution c 1 1 b2 c2 0=3 1=1 6=9 19=1", "Frobnicate f 1 1 c2 y"), new byte[0]);
		final String m = e.getMessage();
		assertTrue(m.contains("4 layer(s)"), m);
		assertTrue(m.contains("line 4, Swizzle 's': unknown layer type"), m);
		assertTrue(m.contains("line 5, BinaryOp 'b': op_type 10 (atan2)"), m);
		assertTrue(m.contains("line 6, Convolution 'c': dynamic_weight"), m);
		assertTrue(m.contains("line 7, Frobnicate 'f'"), m);
	}

	@Test
	void weightsShorterThanTheParametersNameTheLayer() {
		// 108 = 4 x 3 x 3 x 3 weights and 4 biases: give one bias too few
		final ModelFormatException e = fails(param("Input in 0 1 data", CONV), new Bin().tagged(randoms(108, 1)).raw(1, 2, 3).bytes());
		assertTrue(e.getMessage().contains("test.bin") && e.getMessage().contains("Convolution 'c'") && e.getMessage().contains("bias_data"), e.getMessage());
	}

	@Test
	void weightCountThatDoesNotFitTheInputIsRefusedBeforeReading() {
		final ModelFormatException e = fails(param("Input in 0 1 data", "Convolution c 1 1 data y 0=4 1=3 6=100"), new byte[0]);
		assertTrue(e.getMessage().contains("weight_data_size 100") && e.getMessage().contains("line 4"), e.getMessage());
	}

	@Test
	void leftoverBytesMeanTheBinBelongsToAnotherModel() {
		final ModelFormatException e = fails(param("Input in 0 1 data", CONV), new Bin().tagged(randoms(108, 1)).raw(randoms(5, 2)).bytes());
		assertTrue(e.getMessage().contains("4 bytes are left") && e.getMessage().contains("does not belong"), e.getMessage());
	}

	@Test
	void outputsAndInputsMustBeSingle() {
		assertTrue(fails(param("Input in 0 1 data", "Split s 1 2 data a b"), new byte[0]).getMessage().contains("2 output blobs"));
		assertTrue(fails(param("ReLU r 0 1 data", "ReLU q 1 1 data y"), new byte[0]).getMessage().contains("0 Input layer(s)"));
		assertTrue(fails(param("Input in 0 1 data", "Pooling p 1 1 data y 0=1 4=1"), new byte[0]).getMessage().contains("1-D"));
	}

	@Test
	void aPassThroughModelStillHasAnOutputNode(@TempDir final Path dir) throws Exception {
		final NcnnModel m = NcnnFixture.convert(param("Input in 0 1 data", "Split s 1 1 data y"), new byte[0]);
		m.write(dir.resolve("id.onnx"));
		assertTrue(Files.size(dir.resolve("id.onnx")) > 20);
		assertEquals(3, m.inputChannels());
		assertEquals(3, m.outputChannels());
	}

	@Test
	void cachedConversionIsKeyedByBothFiles(@TempDir final Path dir) throws Exception {
		// setup
		final Path param = dir.resolve("m.param"), bin = dir.resolve("m.bin"), cache = dir.resolve("cache");
		Files.write(param, param("Input in 0 1 data", CONV).getBytes(StandardCharsets.UTF_8));
		Files.write(bin, new Bin().tagged(randoms(108, 1)).raw(randoms(4, 2)).bytes());
		// process
		final Path first = NcnnToOnnxConverter.cached(param, bin, cache);
		final long modified = Files.getLastModifiedTime(first).toMillis();
		final Path again = NcnnToOnnxConverter.cached(param, bin, cache);
		Files.write(bin, new Bin().tagged(randoms(108, 3)).raw(randoms(4, 2)).bytes());
		final Path changed = NcnnToOnnxConverter.cached(param, bin, cache);
		// test
		assertEquals(first, again);
		assertEquals(modified, Files.getLastModifiedTime(again).toMillis(), "not converted twice");
		assertFalse(first.equals(changed));
		assertTrue(Arrays.equals(NcnnToOnnxConverter.convert(param, bin).toBytes(), Files.readAllBytes(changed)));
	}

	@Test
	void missingFilesAreModelFormatErrors(@TempDir final Path dir) {
		assertThrows(ModelFormatException.class, () -> NcnnToOnnxConverter.convert(dir.resolve("no.param"), dir.resolve("no.bin")));
	}

	@Test
	void geometryWalkFindsScaleMultipleAndGlobalPooling() {
		// x4: stride-2 conv (1/2), deconv x2 (1), pixel shuffle x2 (2), nearest x2 (4); SE block on the way
		final NcnnGraph g = NcnnParamParser.parse(param("Input in 0 1 data", "Convolution down 1 1 data a 0=3 1=2 3=2 6=36", "Split s 1 2 a a1 a2", "Pooling gap 1 1 a1 g 0=1 4=1",
			"BinaryOp se 2 1 a2 g b 0=2", "Deconvolution up 1 1 b c 0=12 1=2 3=2 6=144", "PixelShuffle ps 1 1 c d 0=2", "Interp i 1 1 d y 0=1 1=2.0 2=2.0"), "t.param");
		final NcnnGeometry geometry = NcnnGeometry.of(g);
		assertTrue(geometry.hasIntegerScale());
		assertEquals(4, geometry.scale());
		assertEquals(2, geometry.multiple());
		assertTrue(geometry.seesWholeInput());
		final NcnnGeometry half = NcnnGeometry.of(NcnnParamParser.parse(param("Input in 0 1 data", "Interp i 1 1 data y 0=3 1=5.000000e-01 2=5.000000e-01"), "t.param"));
		assertFalse(half.hasIntegerScale());
		assertFalse(half.seesWholeInput());
		assertFalse(NcnnGeometry.of(NcnnParamParser.parse(param("Input in 0 1 data", "Interp i 1 1 data y 0=3 3=64 4=64"), "t.param")).isKnown());
	}
}
