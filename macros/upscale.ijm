// Upscale the active image 4x with Real-ESRGAN, then 6x with the anime-video family (x2 then x3).
// Install the models first: Plugins > Renovo > Models... (or, in a terminal, bin/renovo models fetch).
// The result opens as a new window; the input is never changed.
input = getImageID();
run("Upscale...", "model=realesrgan-x4plus scale=0 tile_size=256 tile_overlap=16 device=auto");
print("4x: " + getTitle() + ", " + getWidth() + "x" + getHeight());
selectImage(input);
run("Upscale...", "model=realesr-animevideov3-x2 scale=6 tile_size=256 tile_overlap=16 device=auto");
print("6x: " + getTitle() + ", " + getWidth() + "x" + getHeight());
