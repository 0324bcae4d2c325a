package org.renovo.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scijava.Context;
import org.scijava.Priority;
import org.scijava.app.DefaultStatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.service.Service;

/** A cancel requested after the first tile stops the run before the next one. */
@ExtendWith(PrivateFolders.class)
class UpscaleCancelTest {

	@Test
	void cancelStopsBetweenTiles() throws Exception {
		try (Context context = new Context(withSynchronousStatus())) {
			// setup: 4 x 3 tiles of 32 px
			final ModuleService modules = context.service(ModuleService.class);
			final Module module = modules.createModule(context.service(CommandService.class).getCommand(UpscaleCommand.class));
			final CancelAfterFirstTile listener = new CancelAfterFirstTile((UpscaleCommand) module);
			context.service(EventService.class).subscribe(listener);
			// process
			modules.run(module, true, "image", TestImages.random("cancel.tif", 8, 128, 96, 1, 255), "model", "demo-x2", "tile_size", 32, "tile_overlap", 8, "device", "cpu").get();
			// test
			assertTrue(((UpscaleCommand) module).isCanceled());
			assertEquals("test", ((UpscaleCommand) module).getCancelReason());
			assertNull(module.getOutput("result"));
			assertEquals(1, listener.tiles.size(), "tiles run: " + listener.tiles);
			assertEquals(12, listener.total);
		}
	}

	/** NB: the default status service publishes later, on another thread; this test must react at once. */
	public static final class SynchronousStatusService extends DefaultStatusService {
		@Parameter private EventService events;

		@Override
		protected void publish(final StatusEvent event) {
			events.publish(event);
		}
	}

	private static PluginIndex withSynchronousStatus() {
		final PluginIndex index = new PluginIndex();
		final PluginInfo<Service> info = new PluginInfo<>(SynchronousStatusService.class, Service.class);
		info.setPriority(Priority.HIGH);
		index.add(info);
		return index;
	}

	/** Subscribed for the whole test, so the event service holds it strongly through this field's owner. */
	public static final class CancelAfterFirstTile {
		final UpscaleCommand command;
		final List<Integer> tiles = new ArrayList<>();
		int total;

		CancelAfterFirstTile(final UpscaleCommand command) {
			this.command = command;
		}

		@EventHandler
		public void onStatus(final StatusEvent e) {
			if (e.getProgressMaximum() <= 0) return;
			tiles.add(e.getProgressValue());
			total = e.getProgressMaximum();
			command.cancel("test");
		}
	}
}
