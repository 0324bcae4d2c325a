package org.renovo.model.ncnn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An ncnn model converted to ONNX, in memory: the serialized model, its channel counts and what its graph
 * says about its geometry ({@link NcnnGeometry}). Immutable.
 */
public final class NcnnModel {

	private final byte[] onnx;
	private final int inputChannels, outputChannels;
	private final NcnnGeometry geometry;

	NcnnModel(final byte[] onnx, final int inputChannels, final int outputChannels, final NcnnGeometry geometry) {
		this.onnx = onnx;
		this.inputChannels = inputChannels;
		this.outputChannels = outputChannels;
		this.geometry = geometry;
	}

	/** The ONNX model file's bytes (a copy). */
	public byte[] toBytes() { return onnx.clone(); }
	public int inputChannels() { return inputChannels; }
	public int outputChannels() { return outputChannels; }
	public NcnnGeometry graphGeometry() { return geometry; }

	/** Writes the ONNX file through a temporary file, so a reader never sees half a model. */
	public void write(final Path path) throws IOException {
		final Path dir = path.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, ".renovo-", ".onnx.part");
		try (OutputStream out = Files.newOutputStream(tmp)) {
			out.write(onnx);
		}
		Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
