// Denoise the active image (8-bit, RGB, or a 16/32-bit hyperstack: every channel and plane is normalised
// by its own 1st..99.8th percentiles and mapped back, unclipped). level picks waifu2x cunet noise0..3;
// blend mixes the result with the original (0 = original, 1 = fully denoised).
run("Denoise...", "model=waifu2x-cunet level=1 blend=0.7 tile_size=256 tile_overlap=16 device=auto");
print(getTitle() + ": " + getMetadata("Info"));
