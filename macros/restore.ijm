// Restore a scanned old photograph: JPEG-artefact and noise removal at a level estimated from the image,
// a 2x upscale, and faded-colour restoration. Every step is recorded in Image > Show Info.
run("Restore...", "level=auto model=realesr-animevideov3-x2 scale=2 colour=stretch colour_strength=0.8 tile_size=256 tile_overlap=16 device=auto");
print(getTitle() + ": " + getMetadata("Info"));
