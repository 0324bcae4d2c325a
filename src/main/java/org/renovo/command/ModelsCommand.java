package org.renovo.command;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import ij.measure.ResultsTable;

import org.renovo.error.InvalidOptionsException;
import org.renovo.error.RenovoException;
import org.renovo.model.ChecksumCheck;
import org.renovo.model.InstalledModel;
import org.renovo.model.ModelCard;
import org.renovo.model.ModelCatalogue;
import org.renovo.model.ModelImport;
import org.renovo.model.onnx.DemoModel;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The models folder: {@code list} (table "Renovo models"), {@code import} a model file, {@code remove} a
 * model, {@code verify} checksums (table "Renovo model checks"). Macro keys (never rename): {@code action},
 * {@code file} (import: an {@code .onnx}, or a {@code .param} with its {@code .bin} beside it),
 * {@code model} (import: the new id, blank = the file name; remove: the id), {@code task} (import:
 * {@code auto | upscale | denoise}), {@code scale} (import: 0 = as measured). Headless, tables are not
 * shown (ImageJ cannot), and the log carries the summary.
 * <pre>{@code run("Models...", "action=import file=/data/my-x4.onnx model=my-x4 task=auto scale=0");}</pre>
 */
@Plugin(type = Command.class, menuPath = "Plugins>Renovo>Models...")
public final class ModelsCommand extends ContextCommand {

	@Parameter private RenovoService renovo;
	@Parameter private LogService log;

	@Parameter(label = "Action", choices = { "list", "import", "remove", "verify" }, persist = false) private String action = "list";
	@Parameter(label = "Model file (import: .onnx, or .param with its .bin)", style = "open", required = false, persist = false) private File file = new File("");
	@Parameter(label = "Model id (import: blank = file name; remove: the id)", required = false, persist = false) private String model = "";
	@Parameter(label = "Task (import)", choices = { "auto", "upscale", "denoise" }, persist = false) private String task = ModelImport.AUTO;
	@Parameter(label = "Scale (import; 0 = as measured)", min = "0", persist = false) private int scale = 0;

	private ResultsTable table;

	@Override
	public void run() {
		final ModelCatalogue catalogue = new ModelCatalogue(renovo.registry().directory());
		try {
			switch (action) {
				case "list": list(catalogue); break;
				case "import": imported(catalogue.importModel(new ModelImport(file.toPath(), model, task, scale)), catalogue.directory()); break;
				case "remove": log.info("Renovo: removed model '" + model + "': deleted " + catalogue.remove(model)); break;
				case "verify": verify(catalogue.verify()); break;
				default: throw new InvalidOptionsException("action=" + action + ": choose list, import, remove or verify.");
			}
		}
		catch (final RenovoException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}

	/** The table the last list or verify made; null otherwise. */
	ResultsTable table() {
		return table;
	}

	// -- Helper methods --

	private void list(final ModelCatalogue catalogue) {
		final List<InstalledModel> installed = catalogue.list();
		installed.forEach(m -> m.problem().ifPresent(p -> log.warn("Renovo: " + p)));
		show(ModelTables.models(installed, catalogue.directory().resolve(DemoModel.ID + ".onnx")), ModelTables.MODELS_TITLE);
		log.info("Renovo: " + installed.size() + " models in " + catalogue.directory() + ", " + installed.stream().filter(InstalledModel::isUsable).count() + " usable, and the built-in demo-x2");
	}

	private void imported(final ModelCard card, final Path directory) {
		log.info("Renovo: imported '" + card.id() + "' (" + card.task() + ", x" + card.geometry().scale() + ", " + card.channels() + " channels) into " + directory + "; it is listed under " + (card.task().equals("denoise") ? "Denoise" : "Upscale and Restore"));
	}

	private void verify(final List<ChecksumCheck> checks) {
		checks.stream().filter(c -> c.status() != ChecksumCheck.Status.OK).forEach(c -> log.warn("Renovo: " + c));
		show(ModelTables.checks(checks), ModelTables.CHECKS_TITLE);
		log.info("Renovo: verified the models: " + ModelCatalogue.summary(checks));
	}

	/** NB: headless, ResultsTable.show returns at once (ImageJ 1.54p checks GraphicsEnvironment), so there the log is the record. */
	private void show(final ResultsTable t, final String title) {
		table = t;
		t.show(title);
	}
}
