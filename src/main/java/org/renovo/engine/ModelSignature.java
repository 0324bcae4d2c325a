package org.renovo.engine;

/**
 * What a model's single input and first output look like; {@link #DYNAMIC} marks a size the model
 * leaves open. Immutable.
 */
public final class ModelSignature {

	public static final int DYNAMIC = -1;

	private final String inputName;
	private final int inputChannels, inputHeight, inputWidth, outputChannels;

	ModelSignature(final String inputName, final int inputChannels, final int inputHeight, final int inputWidth, final int outputChannels) {
		this.inputName = inputName;
		this.inputChannels = inputChannels;
		this.inputHeight = inputHeight;
		this.inputWidth = inputWidth;
		this.outputChannels = outputChannels;
	}

	public String inputName() { return inputName; }
	public int inputChannels() { return inputChannels; }
	/** A fixed input height, or {@link #DYNAMIC}. */
	public int inputHeight() { return inputHeight; }
	public int inputWidth() { return inputWidth; }
	public int outputChannels() { return outputChannels; }

	@Override
	public String toString() {
		return "ModelSignature[" + inputName + ": C=" + inputChannels + " H=" + inputHeight + " W=" + inputWidth + " -> C=" + outputChannels + "]";
	}
}
