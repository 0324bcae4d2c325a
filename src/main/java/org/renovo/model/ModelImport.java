package org.renovo.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.renovo.error.InvalidOptionsException;
import org.renovo.error.ModelFormatException;
import org.renovo.model.onnx.DemoModel;

/**
 * What to import, checked at construction: an {@code .onnx} file, or an ncnn {@code .param} with its
 * {@code .bin} beside it; the new id (derived from the file name when blank); the task ({@code auto}
 * infers it from the measured scale: above 1 upscale, 1 denoise); the scale ({@code 0} accepts the
 * measured one, anything else must equal it). Immutable.
 */
public final class ModelImport {

	public static final String AUTO = "auto";
	/** The values of {@code task}, {@link #AUTO} first. */
	public static final List<String> TASKS = List.of(AUTO, ModelRegistry.UPSCALE, ModelRegistry.DENOISE);
	/** The licence an imported model's card records; Renovo cannot know it. */
	public static final String UNKNOWN_LICENCE = "unknown";
	/** NB: names the commands give a meaning: the built-in model, Restore's "no upscale", Denoise's family, Batch's "task default". */
	static final List<String> RESERVED_IDS = List.of(DemoModel.ID, "none", "waifu2x-cunet", "default");

	private final Path file, bin;
	private final String id, task;
	private final int scale;

	/**
	 * @param id the new model's id; null or blank for the file name
	 * @throws ModelFormatException when the file or its {@code .bin} is missing or of another kind
	 * @throws InvalidOptionsException for a bad id, task or scale
	 */
	public ModelImport(final Path file, final String id, final String task, final int scale) {
		final String name = file.getFileName() == null ? "" : file.getFileName().toString();
		if (!name.endsWith(".onnx") && !name.endsWith(".param")) throw new ModelFormatException("Cannot import " + file + ": choose an .onnx file, or an ncnn .param file with its .bin beside it.");
		if (!Files.isRegularFile(file)) throw new ModelFormatException("Cannot import " + file + ": no such file. Check the path.");
		this.file = file;
		this.bin = name.endsWith(".param") ? file.resolveSibling(base(name) + ".bin") : null;
		if (bin != null && !Files.isRegularFile(bin)) throw new ModelFormatException("Cannot import " + file + ": its weights " + bin.getFileName() + " are missing; an ncnn model is a .param and a .bin of the same name in one folder.");
		this.id = id == null || id.trim().isEmpty() ? derivedId(name) : id.trim();
		if (!ModelCardValidator.ID.matcher(this.id).matches()) throw new InvalidOptionsException("model=" + this.id + " cannot be an id: use letters, digits, '.', '_' and '-', starting with a letter or digit.");
		if (!TASKS.contains(task)) throw new InvalidOptionsException("task=" + task + ": choose one of " + String.join(", ", TASKS) + ".");
		if (scale < 0) throw new InvalidOptionsException("scale=" + scale + ": use 0 (measure it) or the model's factor.");
		this.task = task;
		this.scale = scale;
	}

	public Path file() { return file; }
	/** The ncnn weights beside {@link #file()}, or null for an ONNX file. */
	Path bin() { return bin; }
	public String id() { return id; }
	boolean isNcnn() { return bin != null; }

	/**
	 * The task for a model measured at {@code measuredScale}.
	 *
	 * @throws InvalidOptionsException when the given scale or task contradicts the measurement
	 */
	String task(final int measuredScale) {
		if (scale != 0 && scale != measuredScale) throw new InvalidOptionsException("scale=" + scale + " but " + file.getFileName() + " measures x" + measuredScale + ": use scale=0 or scale=" + measuredScale + ". Nothing was installed.");
		if (task.equals(AUTO)) return measuredScale > 1 ? ModelRegistry.UPSCALE : ModelRegistry.DENOISE;
		if (task.equals(ModelRegistry.UPSCALE) && measuredScale == 1) throw new InvalidOptionsException("task=upscale but " + file.getFileName() + " keeps the size (x1): use task=denoise or task=auto. Nothing was installed.");
		if (task.equals(ModelRegistry.DENOISE) && measuredScale != 1) throw new InvalidOptionsException("task=denoise but " + file.getFileName() + " enlarges x" + measuredScale + ": use task=upscale or task=auto. Nothing was installed.");
		return task;
	}

	/** The file name without its extension, with characters an id cannot hold turned into '-'. */
	static String derivedId(final String fileName) {
		return base(fileName).replaceAll("[^A-Za-z0-9._-]+", "-").replaceFirst("^[^A-Za-z0-9]+", "");
	}

	private static String base(final String name) {
		return name.substring(0, name.lastIndexOf('.'));
	}
}
