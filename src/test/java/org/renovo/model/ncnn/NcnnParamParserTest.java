package org.renovo.model.ncnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.renovo.error.ModelFormatException;

class NcnnParamParserTest {

	private static NcnnGraph parse(final String... lines) {
		return NcnnParamParser.parse(String.join("\n", lines) + "\n", "m.param");
	}

	private static ParamDict params(final String layerParams) {
		return parse("7767517", "2 2", "Input in 0 1 data", "Foo f 1 1 data out " + layerParams).layers().get(1).params();
	}

	@Test
	void readsLayersBlobsAndLines() {
		// setup: a blank line in the middle must not shift line numbers
		final NcnnGraph g = parse("7767517", "3 4", "Input input 0 1 data 0=200 1=200 2=3", "", "Split s 1 2 data a b", "BinaryOp add 2 1 a b out 0=0");
		// test
		assertEquals(3, g.layerCount());
		final NcnnLayer split = g.layers().get(1);
		assertEquals("Split", split.type());
		assertEquals(5, split.line());
		assertEquals(Arrays.asList("data"), split.inputs());
		assertEquals(Arrays.asList("a", "b"), split.outputs());
		assertEquals(Arrays.asList("a", "b"), g.layers().get(2).inputs());
		assertEquals(3, g.layers().get(0).params().getInt(2, 0));
	}

	@Test
	void typesLiteralsAsNcnnDoes() {
		final ParamDict p = params("0=64 1=2.000000e-01 2=.5 3=-7 4=1e3 5=3.");
		assertEquals(ParamDict.Kind.INT, p.kind(0));
		assertEquals(64, p.getInt(0, 0));
		assertEquals(ParamDict.Kind.FLOAT, p.kind(1));
		assertEquals(0.2f, p.getFloat(1, 0f));
		assertEquals(0.5f, p.getFloat(2, 0f));
		assertEquals(-7, p.getInt(3, 0));
		assertEquals(ParamDict.Kind.FLOAT, p.kind(4), "an exponent makes a float");
		assertEquals(1000f, p.getFloat(4, 0f));
		assertEquals(3f, p.getFloat(5, 0f));
		assertEquals(9, p.getInt(9, 9), "absent: the default");
	}

	@Test
	void readingAcrossTypesReinterpretsBitsAsNcnnsUnionDoes() {
		final ParamDict p = params("0=6 1=1.0");
		assertEquals(Float.intBitsToFloat(6), p.getFloat(0, 0f), "Clip 1=6 is a max of 8.4e-45 in ncnn");
		assertEquals(Float.floatToRawIntBits(1f), p.getInt(1, 0));
	}

	@Test
	void readsOldAndNewStyleArraysElementByElement() {
		final ParamDict p = params("-23310=2,1.000000e-01,2 11=4,-4,-1 -23309=0");
		assertEquals(ParamDict.Kind.ARRAY, p.kind(10));
		final float[] f = p.getFloats(10);
		assertEquals(0.1f, f[0]);
		assertEquals(Float.intBitsToFloat(2), f[1], "an int element read as float keeps its bits");
		assertArrayEquals(new int[] { 4, -4, -1 }, p.getInts(11));
		assertArrayEquals(new int[0], p.getInts(9));
		assertArrayEquals(new int[0], p.getInts(0), "a scalar or absent id reads as an empty array");
	}

	@Test
	void readsStringsWithAndWithoutQuotes() {
		final ParamDict p = params("9=w*2 19=\"a,b\" 20=abc,def 0=1");
		assertEquals("w*2", p.getString(9, ""));
		assertEquals("a,b", p.getString(19, ""));
		assertEquals("abc,def", p.getString(20, ""), "a string takes the rest of the token, commas included");
		assertEquals("", p.getString(0, "x"), "a number read as a string is empty, as in ncnn");
		assertEquals(ParamDict.Kind.STRING, p.kind(9));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
		"bad magic|7767518;1 1;Input in 0 1 data|m.param:1:|bad magic",
		"binary file|\u0001\u0002;x|m.param:1:|bad magic",
		"counts|7767517;1;Input in 0 1 data|m.param:2:|layer_count",
		"zero layers|7767517;0 1|m.param:2:|positive",
		"missing blob names|7767517;2 2;Input in 0 1 data;Conv c 1 1 data|m.param:4:|names only 1",
		"bad count|7767517;1 1;Input in x 1 data|m.param:3:|input count",
		"param without =|7767517;1 1;Input in 0 1 data 5|m.param:3:|'id=value'",
		"id too large|7767517;1 1;Input in 0 1 data 32=1|m.param:3:|out of range",
		"array id too large|7767517;1 1;Input in 0 1 data -23340=1,2|m.param:3:|out of range",
		"array length|7767517;1 1;Input in 0 1 data -23310=3,1,2|m.param:3:|declares 3",
		"array length float|7767517;1 1;Input in 0 1 data -23310=1.0,1|m.param:3:|its length",
		"number too long|7767517;1 1;Input in 0 1 data 0=1234567890123456|m.param:3:|15 characters",
		"not a number|7767517;1 1;Input in 0 1 data 0=1.2.3|m.param:3:|not a number",
		"int overflow|7767517;1 1;Input in 0 1 data 0=9999999999|m.param:3:|32 bits",
		"empty value|7767517;1 1;Input in 0 1 data 0=|m.param:3:|no value",
		"empty element|7767517;1 1;Input in 0 1 data 0=1,,2|m.param:3:|empty value",
		"unknown blob|7767517;2 2;Input in 0 1 data;ReLU r 1 1 dta out|m.param:4:|consumes blob 'dta'",
		"blob twice|7767517;2 2;Input in 0 1 data;ReLU r 1 1 data data|m.param:4:|already produces",
		"too many layers|7767517;1 2;Input in 0 1 data;ReLU r 1 1 data out|m.param:4:|more layers",
		"too few layers|7767517;3 2;Input in 0 1 data;ReLU r 1 1 data out|m.param|declares 3 layers",
		"too many blobs|7767517;2 1;Input in 0 1 data;ReLU r 1 1 data out|m.param|declares 1 blobs" })
	void errorsNameFileLineAndProblem(final String name, final String text, final String where, final String what) {
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> NcnnParamParser.parse(text.replace(';', '\n'), "m.param"));
		assertTrue(e.getMessage().startsWith(where), e.getMessage());
		assertTrue(e.getMessage().contains(what), e.getMessage());
	}

	@Test
	void layerErrorsNameTheLayer() {
		final ModelFormatException e = assertThrows(ModelFormatException.class, () -> parse("7767517", "2 2", "Input in 0 1 data", "Convolution conv_7 1 1 data out 0=1,x"));
		assertTrue(e.getMessage().contains("Convolution 'conv_7'"), e.getMessage());
	}
}
