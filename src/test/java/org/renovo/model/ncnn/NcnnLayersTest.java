package org.renovo.model.ncnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renovo.model.ncnn.NcnnFixture.param;
import static org.renovo.model.ncnn.NcnnFixture.randoms;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.ncnn.NcnnFixture.Bin;
import org.renovo.model.ncnn.NcnnFixture.Chw;

/**
 * Each tricky layer converted from a hand-made {@code .param}/{@code .bin}, run by ONNX Runtime and
 * compared with a straightforward loop written from ncnn's reference layer (docs/NCNN.md).
 */
class NcnnLayersTest {

	private static final float TOLERANCE = 1e-5f;
	private static OrtInferenceEngine engine;

	@BeforeAll
	static void open() { engine = new OrtInferenceEngine(); }

	@AfterAll
	static void close() { engine.close(); }

	private static Chw run(final String param, final byte[] bin, final Chw x) {
		return NcnnFixture.run(engine, NcnnFixture.convert(param, bin), x);
	}

	private static void assertClose(final Chw expected, final Chw actual) {
		assertEquals(expected.c + "x" + expected.h + "x" + expected.w, actual.c + "x" + actual.h + "x" + actual.w, "shape");
		for (int i = 0; i < expected.v.length; i++)
			assertEquals(expected.v[i], actual.v[i], TOLERANCE * Math.max(1, Math.abs(expected.v[i])), "element " + i);
	}

	@Test
	void deconvolutionScattersWithOutputMajorWeightsThenCropsAndActivates() {
		// setup: 2 -> 3 channels, kernel 3, stride 2, pads 1, output_pad_right 1, bias, LeakyReLU 0.1
		final int in = 2, out = 3, k = 3, s = 2;
		final float[] w = randoms(out * in * k * k, 1), b = randoms(out, 2);
		final String p = param("Input in 0 1 data 2=2", "Deconvolution d 1 1 data y 0=3 1=3 3=2 4=1 18=1 5=1 6=54 9=2 -23310=1,1.000000e-01");
		final Chw x = Chw.random(in, 5, 4, 3);
		// process
		final Chw y = run(p, new Bin().tagged(w).raw(b).bytes(), x);
		// test: out[o][iy*s+ky][ix*s+kx] += x[i][iy][ix] * w[o][i][ky][kx] on the full output, then crop
		final int fullH = (x.h - 1) * s + k + 1, fullW = (x.w - 1) * s + k + 1;
		final Chw full = new Chw(out, fullH, fullW);
		for (int o = 0; o < out; o++)
			for (int yy = 0; yy < fullH; yy++) for (int xx = 0; xx < fullW; xx++) full.set(o, yy, xx, b[o]);
		for (int o = 0; o < out; o++) for (int i = 0; i < in; i++)
			for (int iy = 0; iy < x.h; iy++) for (int ix = 0; ix < x.w; ix++)
				for (int ky = 0; ky < k; ky++) for (int kx = 0; kx < k; kx++)
					full.add(o, iy * s + ky, ix * s + kx, x.get(i, iy, ix) * w[((o * in + i) * k + ky) * k + kx]);
		final Chw expected = new Chw(out, fullH - 2, fullW - 2);
		for (int o = 0; o < out; o++) for (int yy = 0; yy < expected.h; yy++) for (int xx = 0; xx < expected.w; xx++) {
			final float v = full.get(o, yy + 1, xx + 1);
			expected.set(o, yy, xx, v < 0 ? v * 0.1f : v);
		}
		assertClose(expected, y);
	}

	@Test
	void convolutionWithSamePaddingStrideAndFusedClip() {
		// setup: 3 -> 2 channels, kernel 3, stride 2, SAME_UPPER, Clip(0, 0.5)
		final int in = 3, out = 2, k = 3, s = 2;
		final float[] w = randoms(out * in * k * k, 4);
		final Chw x = Chw.random(in, 7, 6, 5);
		final Chw y = run(param("Input in 0 1 data", "Convolution c 1 1 data y 0=2 1=3 3=2 4=-233 6=54 9=3 -23310=2,0.0,5.000000e-01"), new Bin().tagged(w).bytes(), x);
		// test: SAME_UPPER pads (k + (n-1)/s*s - n) split with the smaller half first
		final int padH = k + (x.h - 1) / s * s - x.h, padW = k + (x.w - 1) / s * s - x.w;
		final Chw expected = new Chw(out, (x.h - 1) / s + 1, (x.w - 1) / s + 1);
		for (int o = 0; o < out; o++) for (int oy = 0; oy < expected.h; oy++) for (int ox = 0; ox < expected.w; ox++) {
			float sum = 0;
			for (int i = 0; i < in; i++) for (int ky = 0; ky < k; ky++) for (int kx = 0; kx < k; kx++) {
				final int iy = oy * s + ky - padH / 2, ix = ox * s + kx - padW / 2;
				if (iy >= 0 && iy < x.h && ix >= 0 && ix < x.w) sum += x.get(i, iy, ix) * w[((o * in + i) * k + ky) * k + kx];
			}
			expected.set(o, oy, ox, Math.min(0.5f, Math.max(0f, sum)));
		}
		assertClose(expected, y);
	}

	@Test
	void cropNumpyStyleTreatsEndZeroAsTheEndThenCropsChannels() {
		// setup: H [1, -1) and W [-3, 0 = end), then channels [1, -233 = end)
		final String p = param("Input in 0 1 data", "Crop c1 1 1 data a -23309=2,1,-3 -23310=2,-1,0 -23311=2,1,2", "Crop c2 1 1 a y -23309=1,1 -23310=1,-233 -23311=1,0");
		final Chw x = Chw.random(3, 6, 7, 6);
		final Chw y = run(p, new byte[0], x);
		final Chw expected = new Chw(2, 4, 3);
		for (int k = 0; k < 2; k++) for (int yy = 0; yy < 4; yy++) for (int xx = 0; xx < 3; xx++) expected.set(k, yy, xx, x.get(k + 1, yy + 1, xx + 4));
		assertClose(expected, y);
	}

	@Test
	void cropByOffsetsAndByReference() {
		// setup: an offset crop (1 px off each side, -233 = the rest), and a reference crop of the input to its size
		final String p = param("Input in 0 1 data 2=2", "Split s 1 2 data a b", "Crop small 1 1 a r 0=1 1=1 3=-233 4=-233 5=-233 6=1 7=1", "Split s2 1 2 r r1 r2",
			"Crop ref 2 1 b r1 cr 0=1 1=1", "Eltwise e 2 1 cr r2 y 0=1 -23301=2,2.000000e+00,-5.000000e-01");
		final Chw x = Chw.random(2, 5, 6, 7);
		final Chw y = run(p, new byte[0], x);
		final Chw expected = new Chw(2, 3, 4);
		for (int k = 0; k < 2; k++) for (int yy = 0; yy < 3; yy++) for (int xx = 0; xx < 4; xx++) expected.set(k, yy, xx, 1.5f * x.get(k, yy + 1, xx + 1));
		assertClose(expected, y);
	}

	@ParameterizedTest(name = "mode {0}")
	@CsvSource({ "0", "1" })
	void pixelShuffleModes(final int mode) {
		final int r = 2, outc = 3;
		final Chw x = Chw.random(outc * r * r, 3, 4, 8);
		final Chw y = run(param("Input in 0 1 data 2=12", "PixelShuffle ps 1 1 data y 0=2 1=" + mode), new byte[0], x);
		final Chw expected = new Chw(outc, x.h * r, x.w * r);
		for (int p = 0; p < outc; p++) for (int yy = 0; yy < x.h; yy++) for (int xx = 0; xx < x.w; xx++)
			for (int sh = 0; sh < r; sh++) for (int sw = 0; sw < r; sw++) {
				final int q = mode == 0 ? p * r * r + sh * r + sw : (sh * r + sw) * outc + p;
				expected.set(p, yy * r + sh, xx * r + sw, x.get(q, yy, xx));
			}
		assertClose(expected, y);
	}

	@ParameterizedTest(name = "type {0} kernel {1} stride {2} pad {3} on {4}x{5}")
	@CsvSource({ "0,3,2,0,6,7", "1,2,2,0,5,5", "1,3,2,1,6,6", "0,3,2,1,7,5", "1,4,3,1,8,7" })
	void poolingDefaultsToCeilModeAndAveragesOnlyInImageSamples(final int type, final int k, final int s, final int pad, final int h, final int w) {
		final Chw x = Chw.random(2, h, w, 9);
		final Chw y = run(param("Input in 0 1 data 2=2", "Pooling p 1 1 data y 0=" + type + " 1=" + k + " 2=" + s + " 3=" + pad), new byte[0], x);
		// test: ncnn pads the tail so the last window fits (pad_mode 0), MAX with -inf, AVG counting in-image samples
		final int tailH = Math.floorMod(h + 2 * pad - k, s) == 0 ? 0 : s - Math.floorMod(h + 2 * pad - k, s);
		final int tailW = Math.floorMod(w + 2 * pad - k, s) == 0 ? 0 : s - Math.floorMod(w + 2 * pad - k, s);
		final Chw expected = new Chw(2, (h + 2 * pad + tailH - k) / s + 1, (w + 2 * pad + tailW - k) / s + 1);
		for (int c = 0; c < 2; c++) for (int oy = 0; oy < expected.h; oy++) for (int ox = 0; ox < expected.w; ox++) {
			float max = Float.NEGATIVE_INFINITY, sum = 0;
			int n = 0;
			for (int ky = 0; ky < k; ky++) for (int kx = 0; kx < k; kx++) {
				final int iy = oy * s + ky - pad, ix = ox * s + kx - pad;
				if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
				max = Math.max(max, x.get(c, iy, ix));
				sum += x.get(c, iy, ix);
				n++;
			}
			expected.set(c, oy, ox, type == 0 ? max : sum / n);
		}
		assertClose(expected, y);
	}

	@Test
	void squeezeAndExcitationBroadcastsTheOneDimensionalBlobPerChannel() {
		// setup: global mean -> InnerProduct 3->3 + sigmoid -> BinaryOp mul (3-D by 1-D) -> BinaryOp rsub with scalar 1
		final float[] fc = randoms(9, 10), bias = randoms(3, 11);
		final String p = param("Input in 0 1 data", "Split s 1 2 data a b", "Pooling gap 1 1 a g 0=1 4=1", "InnerProduct fc 1 1 g gate 0=3 1=1 2=9 9=4",
			"BinaryOp mul 2 1 b gate m 0=2", "BinaryOp rsub 1 1 m y 0=7 1=1 2=1.0");
		final Chw x = Chw.random(3, 5, 6, 12);
		final Chw y = run(p, new Bin().tagged(fc).raw(bias).bytes(), x);
		final float[] mean = new float[3], gate = new float[3];
		for (int c = 0; c < 3; c++) { for (int i = 0; i < 30; i++) mean[c] += x.v[c * 30 + i]; mean[c] /= 30; }
		for (int o = 0; o < 3; o++) {
			float v = bias[o];
			for (int i = 0; i < 3; i++) v += fc[o * 3 + i] * mean[i];
			gate[o] = (float) (1 / (1 + Math.exp(-v)));
		}
		final Chw expected = new Chw(3, 5, 6);
		for (int i = 0; i < expected.v.length; i++) expected.v[i] = 1 - x.v[i] * gate[i / 30];
		assertClose(expected, y);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "nearest x2|0=1 1=2.0 2=2.0", "nearest x3|0=1 1=3.0 2=3.0", "bilinear x2|0=2 1=2.0 2=2.0", "bicubic x2|0=3 1=2.0 2=2.0",
		"bicubic x0.5|0=3 1=5.000000e-01 2=5.000000e-01", "bicubic to 5x7|0=3 3=5 4=7", "bilinear align corners|0=2 1=2.0 2=2.0 6=1" })
	void interpMatchesNcnnsSampling(final String name, final String params) {
		final Chw x = Chw.random(2, 6, 9, 13);
		final Chw y = run(param("Input in 0 1 data 2=2", "Interp i 1 1 data y " + params), new byte[0], x);
		final ParamDict p = NcnnParamParser.parse(param("Input in 0 1 data", "Interp i 1 1 data y " + params), "t").layers().get(1).params();
		assertClose(NcnnReference.interp(x, p), y);
	}

	@Test
	void eltwiseCoefficientsConcatPaddingAndScale() {
		// setup: y = concat(pad_reflect(x), 0.5*x+2*x)... then a per-channel Scale with bias
		final float[] scale = randoms(4, 14), bias = randoms(4, 15);
		final String p = param("Input in 0 1 data 2=2", "Split s 1 3 data a b c", "Padding pd 1 1 a pa 0=1 1=1 2=1 3=1 4=2", "Crop cr 1 1 pa pc -23309=2,1,1 -23310=2,-1,-1 -23311=2,1,2",
			"Eltwise e 2 1 b c sum 0=1 -23301=2,5.000000e-01,2.0", "Concat cat 2 1 pc sum cc 0=0", "Scale sc 1 1 cc y 0=4 1=1");
		final Chw x = Chw.random(2, 4, 5, 16);
		final Chw y = run(p, new Bin().raw(scale).raw(bias).bytes(), x);
		final Chw expected = new Chw(4, 4, 5);
		for (int k = 0; k < 4; k++) for (int i = 0; i < 20; i++) {
			final float v = k < 2 ? x.v[k * 20 + i] : 2.5f * x.v[(k - 2) * 20 + i];
			expected.v[k * 20 + i] = v * scale[k] + bias[k];
		}
		assertClose(expected, y);
	}

	@Test
	void preluPerChannelAndReluSlope() {
		final float[] slope = { 0.1f, -2f, 0.5f };
		final Chw x = Chw.random(3, 3, 3, 17);
		final Chw y = run(param("Input in 0 1 data", "PReLU pr 1 1 data a 0=3", "ReLU r 1 1 a y 0=2.500000e-01"), new Bin().raw(slope).bytes(), x);
		final Chw expected = new Chw(3, 3, 3);
		for (int i = 0; i < 27; i++) {
			float v = x.v[i] < 0 ? x.v[i] * slope[i / 9] : x.v[i];
			v = v < 0 ? v * 0.25f : v;
			expected.v[i] = v;
		}
		assertClose(expected, y);
		assertTrue(y.v.length == 27);
	}
}
