package org.renovo.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.renovo.error.UnsupportedImageException;

/**
 * How an image plane's components meet a model's channels:
 * <ul>
 * <li>as many components as channels: one run;</li>
 * <li>a gray plane into an RGB model: the plane replicated into three channels, the output averaged back;</li>
 * <li>an RGB plane into a 1-channel model: one run per component.</li>
 * </ul>
 */
final class ChannelRouting {

	private final int components, modelChannels;

	private ChannelRouting(final int components, final int modelChannels) {
		this.components = components;
		this.modelChannels = modelChannels;
	}

	static ChannelRouting of(final int components, final int modelChannels, final int modelOutputChannels) {
		if (modelOutputChannels != modelChannels) throw new UnsupportedImageException("The model turns " + modelChannels + " channels into " + modelOutputChannels + "; Renovo runs models whose output has as many channels as their input.");
		if (components == modelChannels || modelChannels == 1 || components == 1 && modelChannels == 3) return new ChannelRouting(components, modelChannels);
		throw new UnsupportedImageException("The model expects " + modelChannels + " channels per pixel but the image has " + components + ": choose a 1- or 3-channel model, or convert the image (Image > Type).");
	}

	/** The model inputs for one plane: lists of planes, one per model channel. */
	List<List<RandomAccessibleInterval<? extends RealType<?>>>> groups(final List<RandomAccessibleInterval<? extends RealType<?>>> planes) {
		if (components == modelChannels) return Collections.singletonList(planes);
		if (modelChannels == 3) return Collections.singletonList(Collections.nCopies(3, planes.get(0)));
		final List<List<RandomAccessibleInterval<? extends RealType<?>>>> groups = new ArrayList<>();
		for (final RandomAccessibleInterval<? extends RealType<?>> p : planes)
			groups.add(Collections.singletonList(p));
		return groups;
	}

	/** The plane's output components from the groups' outputs, in the order of {@link #groups}. */
	float[][] merge(final List<float[][]> outputs) {
		if (components == modelChannels) return outputs.get(0);
		if (modelChannels == 3) return new float[][] { average(outputs.get(0)) };
		final float[][] merged = new float[outputs.size()][];
		for (int i = 0; i < merged.length; i++)
			merged[i] = outputs.get(i)[0];
		return merged;
	}

	private static float[] average(final float[][] channels) {
		final float[] out = channels[0];
		for (int i = 0; i < out.length; i++)
			out[i] = (channels[0][i] + channels[1][i] + channels[2][i]) / 3f;
		return out;
	}
}
