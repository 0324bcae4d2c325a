package org.renovo.command;

import org.renovo.model.ModelRegistry;
import org.renovo.pipeline.RestorationPipeline;
import org.renovo.task.ModelRuntime;
import org.scijava.service.SciJavaService;

/**
 * Renovo's state in a SciJava context: one inference engine for the whole process, so a model opened
 * by one run is reused by the next, and the models folder. Thread-safe; commands share it.
 */
public interface RenovoService extends SciJavaService {

	/** A pipeline over the shared engine and geometry cache; cheap, so ask for one per run. */
	RestorationPipeline pipeline();

	/** The models a user can name, from {@code Fiji.app/models/renovo} when Fiji's folder is known. */
	ModelRegistry registry();

	/** The shared engine, models and geometry cache as one {@link ModelRuntime}, for building tasks; do not close its engine. */
	ModelRuntime runtime();
}
