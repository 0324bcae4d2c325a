package org.renovo.model.ncnn;

import java.util.Collections;
import java.util.List;

/** One line of a {@code .param} file: type, name, input and output blob names, parameters. Immutable. */
final class NcnnLayer {

	private final String type, name;
	private final int line;
	private final List<String> inputs, outputs;
	private final ParamDict params;

	NcnnLayer(final String type, final String name, final int line, final List<String> inputs, final List<String> outputs, final ParamDict params) {
		this.type = type;
		this.name = name;
		this.line = line;
		this.inputs = Collections.unmodifiableList(inputs);
		this.outputs = Collections.unmodifiableList(outputs);
		this.params = params;
	}

	String type() { return type; }
	String name() { return name; }
	/** 1-based line in the {@code .param} file. */
	int line() { return line; }
	List<String> inputs() { return inputs; }
	List<String> outputs() { return outputs; }
	ParamDict params() { return params; }

	/** How error messages name this layer: {@code line 12, Convolution 'conv1'}. */
	String describe() {
		return "line " + line + ", " + type + " '" + name + "'";
	}

	@Override
	public String toString() {
		return type + " " + name + " " + inputs + " -> " + outputs + " " + params;
	}
}
