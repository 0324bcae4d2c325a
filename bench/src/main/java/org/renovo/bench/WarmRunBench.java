package org.renovo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.renovo.command.UpscaleCommand;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * Warm runs in one Fiji session: the Upscale command run several times on the same model in one SciJava
 * context, as a macro would; each run's setup (everything before its first tile: session, geometry,
 * plan) read from the result's info. The first run opens ONNX Runtime and the model; later ones should
 * reuse both. Run by {@code bench/run warm [--model ID] [--runs N]}, with the models in
 * {@code RENOVO_MODELS}.
 */
public final class WarmRunBench {

	private static final Pattern SETUP = Pattern.compile("setup ([0-9.]+) s");

	private WarmRunBench() {}

	public static void main(final String[] args) throws Exception {
		final String model = args.length > 1 && args[0].equals("--model") ? args[1] : "realesrgan-x4plus";
		final int runs = 4;
		final ColorProcessor cp = new ColorProcessor(128, 128);
		for (int i = 0; i < 128 * 128; i++) cp.set(i, i * 2654435761L > 0 ? (int) (i * 2654435761L) : i);
		final ImagePlus image = new ImagePlus("warm", cp);
		final List<Double> setups = new ArrayList<>(), totals = new ArrayList<>();
		try (Context context = new Context()) {
			final CommandInfo info = context.service(CommandService.class).getCommand(UpscaleCommand.class);
			for (int r = 0; r < runs; r++) {
				final long start = System.nanoTime();
				final Module m = context.service(ModuleService.class).run(info, true, "image", image, "model", model, "scale", 0.0, "tile_size", 0, "tile_overlap", 16, "device", "cpu").get();
				totals.add((System.nanoTime() - start) / 1e9);
				final ImagePlus out = (ImagePlus) m.getOutput("result");
				if (out == null) throw new IllegalStateException("The run failed; is " + model + " installed in RENOVO_MODELS?");
				final Matcher setup = SETUP.matcher((String) out.getProperty("Info"));
				if (!setup.find()) throw new IllegalStateException("No setup time in the result's info: " + out.getProperty("Info"));
				setups.add(Double.parseDouble(setup.group(1)));
			}
		}
		System.out.printf(Locale.ROOT, "warm runs, Upscale %s on 128x128 RGB, %d runs in one SciJava context%n", model, runs);
		for (int r = 0; r < runs; r++)
			System.out.printf(Locale.ROOT, "  run %d: setup %.3f s, whole command %.2f s%n", r + 1, setups.get(r), totals.get(r));
		final double warm = setups.subList(1, runs).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
		System.out.printf(Locale.ROOT, "  slowest warm setup / first setup = %.3f / %.3f = %.1f %% (target <= 5 %%)%n", warm, setups.get(0), 100 * warm / setups.get(0));
	}
}
