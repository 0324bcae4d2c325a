package org.renovo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelFamilyTest {

	private static final List<String> INSTALLED = List.of("demo-x2", "realcugan-up2x-no-denoise", "realcugan-up3x-no-denoise", "realcugan-up4x-conservative",
		"realesr-animevideov3-x2", "realesr-animevideov3-x3", "realesr-animevideov3-x4", "realesrgan-x4plus", "realesrgan-x4plus-anime", "waifu2x-cunet-noise1");

	@Test
	void siblingsDifferOnlyInTheFactor() {
		assertEquals(List.of("realesr-animevideov3-x3", "realesr-animevideov3-x2", "realesr-animevideov3-x4"), ModelFamily.siblings("realesr-animevideov3-x3", INSTALLED));
		assertEquals(List.of("realcugan-up2x-no-denoise", "realcugan-up3x-no-denoise"), ModelFamily.siblings("realcugan-up2x-no-denoise", INSTALLED));
		assertEquals(List.of("realesrgan-x4plus"), ModelFamily.siblings("realesrgan-x4plus", INSTALLED));
		assertEquals(List.of("demo-x2"), ModelFamily.siblings("demo-x2", INSTALLED));
		assertEquals(List.of("waifu2x-cunet-noise1"), ModelFamily.siblings("waifu2x-cunet-noise1", INSTALLED));
	}
}
