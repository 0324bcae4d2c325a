// Restore every JPEG scan in a folder into 16-bit-safe TIFFs in another folder. Resumable: run it again
// after an interruption and finished files are skipped. Files that cannot be read are listed in the log.
input = getDirectory("Folder of scans");
output = getDirectory("Folder for the results (not the same)");
run("Batch...", "task=restore model=none level=auto scale=0 colour=stretch colour_strength=0.8 input_dir=[" + input + "] output_dir=[" + output + "] pattern=*.jpg format=tif tile_size=256 tile_overlap=16 device=auto");
