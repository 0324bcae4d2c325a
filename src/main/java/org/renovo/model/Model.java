package org.renovo.model;

import java.nio.file.Path;
import java.util.Optional;

import org.renovo.tiling.InputPadding;
import org.renovo.tiling.ModelGeometry;

/**
 * A model ready to run: its id, its ONNX file, when a model card declares it, its geometry
 * (otherwise {@link GeometryResolver} measures it), and what it reads around each tile
 * ({@link InputPadding#planned()} unless its card states the original program's fixed pad and edge mode).
 * Immutable.
 */
public final class Model {

	private final String id;
	private final Path file;
	private final ModelGeometry geometry;
	private final InputPadding padding;

	public Model(final String id, final Path file, final ModelGeometry declaredGeometry) {
		this(id, file, declaredGeometry, InputPadding.planned());
	}

	public Model(final String id, final Path file, final ModelGeometry declaredGeometry, final InputPadding padding) {
		this.id = id;
		this.file = file;
		this.geometry = declaredGeometry;
		this.padding = padding;
	}

	public String id() { return id; }
	public Path file() { return file; }
	public Optional<ModelGeometry> declaredGeometry() { return Optional.ofNullable(geometry); }
	public InputPadding padding() { return padding; }

	@Override
	public String toString() {
		return "Model[" + id + " at " + file + "]";
	}
}
