package org.renovo.model.ncnn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.renovo.error.ModelFormatException;
import org.renovo.model.Sha256;
import org.renovo.model.ncnn.Conversion.Blob;
import org.renovo.model.onnx.BlockedLayoutRewriter;
import org.renovo.model.onnx.OnnxGraphBuilder;

/**
 * Converts an ncnn model ({@code .param} + {@code .bin}) into an ONNX graph with one image input
 * {@code [1, C, H, W]} and one output, keyed by ncnn's blob names (layer names may repeat). Assumes what
 * the original programs feed: RGB in [0, 1] (docs/NCNN.md). Supported layers: Input, Split, Noop, Dropout,
 * Convolution, ConvolutionDepthWise, Deconvolution, DeconvolutionDepthWise, InnerProduct (each with its
 * fused activation), ReLU, PReLU, Sigmoid, Clip, TanH, Swish, Mish, HardSigmoid, HardSwish, Eltwise,
 * BinaryOp, Scale, BatchNorm, Interp, PixelShuffle, Concat, Crop, Padding, Pooling.
 * <pre>{@code
 * NcnnModel m = NcnnToOnnxConverter.convert(Paths.get("x.param"), Paths.get("x.bin"));
 * m.write(Paths.get("x.onnx"));
 * Path onnx = NcnnToOnnxConverter.cached(param, bin, cacheDir); // what the engine opens
 * }</pre>
 * Every failure is a {@link ModelFormatException}; a model using layers or features the converter lacks
 * fails with one message listing all of them, with their lines. Stateless and thread-safe.
 */
public final class NcnnToOnnxConverter {

	private static final Map<String, LayerConverter> LAYERS = new HashMap<>();

	static {
		ShapeLayers.register(LAYERS);
		Activations.register(LAYERS);
		ConvolutionLayers.register(LAYERS);
		ArithmeticLayers.register(LAYERS);
		ResamplingLayers.register(LAYERS);
	}

	private NcnnToOnnxConverter() {}

	/** @throws ModelFormatException naming the file, line or layer of whatever is wrong */
	public static NcnnModel convert(final Path param, final Path bin) {
		final NcnnGraph graph = NcnnParamParser.parse(param);
		try {
			return convert(graph, ByteBuffer.wrap(Files.readAllBytes(bin)), bin.toString());
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot read ncnn weight file " + bin + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The converted model as an ONNX file in {@code cacheDir/onnx/}, named by the SHA-256 of the
	 * {@code .param} and {@code .bin} together, converted on first use only.
	 */
	public static Path cached(final Path param, final Path bin, final Path cacheDir) {
		final Path file = cacheDir.resolve("onnx").resolve(Sha256.of(read(param), new byte[] { 0 }, read(bin)) + ".onnx");
		if (Files.isRegularFile(file)) return file;
		try {
			convert(param, bin).write(file);
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot write the converted model to " + file + ": " + e.getMessage() + ". Check that the cache folder is writable.", e);
		}
		return file;
	}

	/** Converts a parsed graph with the weights in {@code bin}; {@code binName} only names it in messages. */
	public static NcnnModel convert(final NcnnGraph graph, final ByteBuffer bin, final String binName) {
		checkSupported(graph);
		final OnnxGraphBuilder g = new OnnxGraphBuilder(graph.file());
		final NcnnWeightReader weights = new NcnnWeightReader(bin, binName);
		final Conversion c = new Conversion(g, graph.file(), weights);
		for (final NcnnLayer layer : graph.layers()) {
			c.begin(layer);
			LAYERS.get(layer.type()).convert(c);
		}
		if (weights.remaining() > 0)
			throw new ModelFormatException(binName + ": " + weights.remaining() + " bytes are left after the last layer's weights (read " + weights.position()
				+ "): this .bin does not belong to " + graph.file() + ".");
		final Blob input = c.blob(graph.layers().get(0).outputs().get(0));
		final Blob output = c.blob(sink(graph));
		if (output.rank != 3) throw new ModelFormatException(graph.file() + ": the output blob '" + sink(graph) + "' is 1-D; Renovo needs an image output.");
		final String out = output.name.equals(input.name) ? g.node("Identity", output.name) : output.name;
		g.output(out, output.channels);
		return new NcnnModel(BlockedLayoutRewriter.rewrite(g.toBytes()), input.channels, output.channels, NcnnGeometry.of(graph));
	}

	// -- Helper methods --

	/** One error listing every unknown layer type and unsupported feature, before any weight is read. */
	private static void checkSupported(final NcnnGraph graph) {
		final List<String> problems = new ArrayList<>();
		int inputs = 0;
		for (final NcnnLayer layer : graph.layers()) {
			final LayerConverter converter = LAYERS.get(layer.type());
			final String reason = converter == null ? "unknown layer type" : converter.unsupported(layer.params(), layer);
			if (reason != null) problems.add(layer.describe() + ": " + reason);
			if (layer.type().equals("Input")) inputs++;
		}
		if (!problems.isEmpty())
			throw new ModelFormatException(graph.file() + " uses " + problems.size() + " layer(s) the ncnn importer does not support:\n  " + String.join("\n  ", problems)
				+ "\nConvert the original model to ONNX with its own tools instead.");
		if (inputs != 1 || !graph.layers().get(0).type().equals("Input"))
			throw new ModelFormatException(graph.file() + ": has " + inputs + " Input layer(s)" + (inputs == 1 ? ", not on the first layer line" : "") + "; Renovo runs models with one image input, declared first.");
	}

	/** The one blob produced but never consumed. */
	private static String sink(final NcnnGraph graph) {
		final Set<String> produced = new LinkedHashSet<>(), consumed = new HashSet<>();
		for (final NcnnLayer layer : graph.layers()) {
			produced.addAll(layer.outputs());
			consumed.addAll(layer.inputs());
		}
		produced.removeAll(consumed);
		if (produced.size() != 1) throw new ModelFormatException(graph.file() + ": has " + produced.size() + " output blobs " + produced + "; Renovo runs models with exactly one output.");
		return produced.iterator().next();
	}

	private static byte[] read(final Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (final IOException e) {
			throw new ModelFormatException("Cannot read " + file + ": " + e.getMessage(), e);
		}
	}
}
