package org.renovo.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;

import org.renovo.error.RenovoException;

/**
 * The {@code renovo} command line. Results and written paths go to standard output; the device, the run
 * summary, progress and errors go to standard error. Exit codes: {@value #OK} success, {@value #BAD_INPUT}
 * bad usage or bad input (one line says why), {@value #FAILED} anything else.
 * <pre>{@code
 * renovo upscale --model realesrgan-x4plus --input photo.png --output photo-x4.png
 * }</pre>
 */
public final class Main {

	public static final int OK = 0, FAILED = 1, BAD_INPUT = 2;

	static final String USAGE = String.join("\n",
		"Usage: renovo <command> [options]",
		"",
		"Commands:",
		"  upscale   upscale one image file with an ONNX model, at its own factor or any scale",
		"  denoise   remove noise from one image file with a 1x model",
		"  restore   restore a scanned or old photo: artefacts, optional upscale, faded colour",
		"  batch     run upscale, denoise or restore over every image of a folder, resumable",
		"  demo      upscale the bundled example photo and compare it with bicubic",
		"  models    list the installed models, or fetch the default ones",
		"  convert   convert an ncnn .param/.bin model into an ONNX file",
		"",
		"Run 'renovo <command> --help' for its options. System properties renovo.models and renovo.cache",
		"override the models folder (RENOVO_MODELS, ~/.renovo/models) and the geometry cache (RENOVO_CACHE,",
		"~/.cache/renovo).");

	private Main() {}

	public static void main(final String[] args) {
		// NB: never open a window, also when a display is present.
		System.setProperty("java.awt.headless", "true");
		System.exit(run(args, System.out, System.err));
	}

	/** Runs one command line; returns the exit code instead of exiting, so tests can call it in-process. */
	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		try {
			return dispatch(args, out, err);
		}
		catch (final UsageException e) {
			err.println("renovo: " + e.getMessage());
			return BAD_INPUT;
		}
		catch (final RenovoException e) {
			err.println("renovo: " + e.getMessage().split("\\R", 2)[0]);
			err.println("See README.md#" + e.anchor());
			return e.isBadInput() ? BAD_INPUT : FAILED;
		}
		catch (final LinkageError e) {
			// NB: ONNX Runtime loads its native library on first use; a platform it lacks, or a temporary
			// folder that forbids executables, surfaces here as an Error, not as an exception.
			err.println("renovo: a library could not be loaded (ONNX Runtime's native library?): " + e);
			printCauses(e, err);
			err.println("See README.md#native-library");
			return FAILED;
		}
		catch (final IOException | RuntimeException e) {
			err.println("renovo: " + e);
			printCauses(e, err);
			return FAILED;
		}
	}

	private static void printCauses(final Throwable e, final PrintStream err) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause())
			err.println("  caused by: " + cause);
	}

	private static int dispatch(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
		if (args.length == 0) throw new UsageException("No command given (see: renovo --help)");
		final String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args[0]) {
			case "--help": case "-h": case "help": return help(USAGE, out);
			case "upscale": case "denoise": case "restore":
				return Arguments.wantsHelp(rest) ? help(TaskCli.usage(args[0]), out) : TaskCli.run(args[0], rest, out, err);
			case "batch": return Arguments.wantsHelp(rest) ? help(BatchCli.USAGE, out) : BatchCli.run(rest, out, err);
			case "demo": return Arguments.wantsHelp(rest) ? help(DemoCommand.USAGE, out) : DemoCommand.run(rest, out, err);
			case "models": return Arguments.wantsHelp(rest) ? help(ModelsCli.USAGE, out) : ModelsCli.run(rest, out, err);
			case "convert": return Arguments.wantsHelp(rest) ? help(ConvertCli.USAGE, out) : ConvertCli.run(rest, out, err);
			default: throw new UsageException("Unknown command '" + args[0] + "' (see: renovo --help)");
		}
	}

	private static int help(final String usage, final PrintStream out) {
		out.println(usage);
		return OK;
	}
}
