package org.renovo.model;

import java.nio.file.Path;
import java.util.Optional;

import org.renovo.tiling.ModelGeometry;

/**
 * A model ready to run: its id, its ONNX file and, when a model card declares it, its geometry
 * (otherwise {@link GeometryResolver} measures it). Immutable.
 */
public final class Model {

	private final String id;
	private final Path file;
	private final ModelGeometry geometry;

	public Model(final String id, final Path file, final ModelGeometry declaredGeometry) {
		this.id = id;
		this.file = file;
		this.geometry = declaredGeometry;
	}

	public String id() { return id; }
	public Path file() { return file; }
	public Optional<ModelGeometry> declaredGeometry() { return Optional.ofNullable(geometry); }

	@Override
	public String toString() {
		return "Model[" + id + " at " + file + "]";
	}
}
