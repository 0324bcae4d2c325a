package org.renovo.model.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.google.protobuf.CodedInputStream;

import org.renovo.error.ModelFormatException;

/** Facts read from an ONNX file's graph, where running the model cannot tell them apart. */
public final class OnnxGraphs {

	/**
	 * NB: operators that summarise a whole feature map. In an image-to-image model they are the
	 * squeeze-and-excitation of Real-CUGAN and waifu2x cunet; a receptive field too wide to measure
	 * (Real-ESRGAN x4plus) has none of them.
	 */
	private static final Set<String> GLOBAL = Set.of("GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool", "ReduceMean", "ReduceMax", "ReduceSum", "ReduceMin", "ReduceL2");

	private OnnxGraphs() {}

	/** True when the model's graph (subgraphs included) pools over whole feature maps. */
	public static boolean poolsGlobally(final Path model) {
		return poolsGlobally(read(model));
	}

	/**
	 * The graph of an ONNX file. NB: protobuf's default 64 MB message limit is lifted; Real-ESRGAN x4plus is 67 MB.
	 *
	 * @throws ModelFormatException when the file cannot be read or parsed
	 */
	static GraphProto read(final Path model) {
		try (InputStream in = Files.newInputStream(model)) {
			final CodedInputStream coded = CodedInputStream.newInstance(in);
			coded.setSizeLimit(Integer.MAX_VALUE);
			return ModelProto.parseFrom(coded).getGraph();
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot read the ONNX graph of " + model + ": " + e.getMessage(), e);
		}
	}

	private static boolean poolsGlobally(final GraphProto graph) {
		for (final NodeProto node : graph.getNodeList()) {
			if (GLOBAL.contains(node.getOpType())) return true;
			for (final ai.onnx.proto.OnnxMl.AttributeProto a : node.getAttributeList())
				if (a.hasG() && poolsGlobally(a.getG())) return true;
		}
		return false;
	}
}
