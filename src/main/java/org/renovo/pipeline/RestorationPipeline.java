package org.renovo.pipeline;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.renovo.engine.InferenceEngine;
import org.renovo.engine.InferenceSession;
import org.renovo.engine.ModelSignature;
import org.renovo.engine.Tensor;
import org.renovo.error.InferenceException;
import org.renovo.error.InvalidOptionsException;
import org.renovo.error.ModelFormatException;
import org.renovo.error.OutOfModelMemoryException;
import org.renovo.error.RunCancelledException;
import org.renovo.error.UnsupportedImageException;
import org.renovo.model.GeometryResolver;
import org.renovo.model.Model;
import org.renovo.tensor.DirectBuffers;
import org.renovo.tensor.TensorLayout;
import org.renovo.tensor.TileReader;
import org.renovo.tensor.ValueMapping;
import org.renovo.tiling.BandBlender;
import org.renovo.tiling.InputPadding;
import org.renovo.tiling.ModelGeometry;
import org.renovo.tiling.OverlapBlender;
import org.renovo.tiling.PlanarTile;
import org.renovo.tiling.Tile;
import org.renovo.tiling.TileOptions;
import org.renovo.tiling.TilePlan;
import org.renovo.tiling.TilePlanner;

/**
 * One image through one model: every plane, in stack order, is cut into tiles ({@link TilePlanner}),
 * each tile read into a tensor ({@link TileReader}), run, and blended into the output plane
 * ({@link OverlapBlender}), which goes back to the image's units and on to the {@link PlaneSink}.
 * The input is only read. Knows nothing of menus or files.
 * <pre>{@code
 * RunReport r = new RestorationPipeline(engine, resolver).run(image, model, RunOptions.defaults(), sink, RunMonitor.NONE);
 * }</pre>
 */
public final class RestorationPipeline {

	private final InferenceEngine engine;
	private final GeometryResolver geometries;

	public RestorationPipeline(final InferenceEngine engine, final GeometryResolver geometries) {
		this.engine = engine;
		this.geometries = geometries;
	}

	/**
	 * @throws org.renovo.error.RenovoException for a bad model, image or option, a failed inference, or a
	 *         cancelled run; the sink may have received some planes, the input is unchanged
	 */
	public RunReport run(final ImageData image, final Model model, final RunOptions options, final PlaneSink sink, final RunMonitor monitor) {
		final Setup run = setUp(image, model, options, monitor);
		int halvings = 0;
		try (TileReader reader = new TileReader()) {
			for (int p = 0; p < image.planeCount(); p++) {
				final ValueMapping map = image.mapping(p);
				final List<float[][]> outputs = new ArrayList<>();
				for (final List<RandomAccessibleInterval<? extends RealType<?>>> group : run.routing.groups(image.components(p))) {
					float[][] out = null;
					while (out == null) {
						try {
							out = runPlane(run.session, run.plan, reader, group, map, run.clock, monitor);
						}
						catch (final OutOfModelMemoryException e) {
							if (++halvings > MAX_HALVINGS) throw e;
							shrink(run, model, e, monitor);
						}
					}
					outputs.add(toImageUnits(out, map));
				}
				sink.accept(p, run.routing.merge(outputs));
			}
		}
		return finish(image, model, options, run, monitor);
	}

	/**
	 * As {@link #run}, but each plane leaves in bands of output rows as soon as the tiles reaching them are
	 * done ({@link BandBlender}), so no whole output plane is ever held: memory is a few rows of tiles,
	 * about {@code (tile + overlap + rowMultiple) × output width × (channels + 1) × 4} bytes. Values are
	 * identical to {@link #run}'s. An allocation failure is retried with smaller tiles only when the sink
	 * {@linkplain BandSink#acceptsRepeats() accepts a plane again}; bands written to a file cannot be taken back.
	 *
	 * @throws org.renovo.error.RenovoException as {@link #run}; the sink may have received some bands
	 */
	public RunReport stream(final ImageData image, final Model model, final RunOptions options, final BandSink sink, final RunMonitor monitor) {
		final Setup run = setUp(image, model, options, monitor);
		int halvings = 0;
		try (TileReader reader = new TileReader()) {
			for (int p = 0; p < image.planeCount(); p++) {
				while (true) {
					try {
						streamPlane(run, reader, image, p, sink, monitor);
						break;
					}
					catch (final OutOfModelMemoryException e) {
						if (!sink.acceptsRepeats() || ++halvings > MAX_HALVINGS) throw e;
						shrink(run, model, e, monitor);
					}
				}
			}
		}
		return finish(image, model, options, run, monitor);
	}

	/** What both kinds of run decide before the first tile: session, channel routing, plan, progress. */
	private static final class Setup {
		final InferenceSession session;
		final ChannelRouting routing;
		final WholeInputPolicy policy;
		final ModelGeometry geometry;
		final ProgressClock clock;
		final double seconds;
		/** NB: replaced by a plan of smaller tiles after an allocation failure. */
		TilePlan plan;

		Setup(final InferenceSession session, final ChannelRouting routing, final WholeInputPolicy policy, final ModelGeometry geometry, final TilePlan plan,
			final ProgressClock clock, final double seconds)
		{
			this.session = session;
			this.routing = routing;
			this.policy = policy;
			this.geometry = geometry;
			this.plan = plan;
			this.clock = clock;
			this.seconds = seconds;
		}
	}

	private Setup setUp(final ImageData image, final Model model, final RunOptions options, final RunMonitor monitor) {
		final long start = System.nanoTime();
		final InferenceSession session = engine.session(model.file(), options.device());
		for (final String reason : session.fallbacks())
			monitor.warn("Renovo: device fallback, " + reason);
		monitor.info("Renovo: model " + model.id() + " runs on " + session.device().label());
		final ModelSignature sig = session.signature();
		if (sig.inputHeight() != ModelSignature.DYNAMIC || sig.inputWidth() != ModelSignature.DYNAMIC)
			throw new ModelFormatException("Model " + model.id() + " takes a fixed input size " + sig.inputWidth() + "x" + sig.inputHeight() + "; Renovo needs a model with dynamic height and width (re-export it with dynamic axes).");
		final ChannelRouting routing = ChannelRouting.of(image.pixelType().components(), sig.inputChannels(), sig.outputChannels());
		final ModelGeometry geometry = geometries.geometry(model, session);
		final WholeInputPolicy policy = WholeInputPolicy.decide(image.width(), image.height(), geometry, model.padding(), options);
		final TilePlan plan = plan(image.width(), image.height(), model, geometry, policy.tiles(), options, Math.max(image.pixelType().components(), sig.inputChannels()), monitor);
		if (policy.oneTile()) monitor.info("Renovo: " + model.id() + " pools over its whole input, so it runs as one tile (about " + (policy.estimatedBytes() >> 20) + " MB of working memory)");
		else if (!plan.isExact() && plan.tiles().size() > 1) monitor.warn("Renovo: the receptive field of " + model.id() + " (" + (geometry.isBounded() ? geometry.radius() + " px" : "wider than any halo")
			+ ") exceeds the halo of " + plan.halo() + " px; tiles are blended over " + 2 * plan.band() + " px and may differ slightly from a whole-image run.");
		final ProgressClock clock = new ProgressClock(image.planeCount() * routing.groups(image.components(0)).size() * plan.tiles().size());
		// NB: setup is everything before the first tile: opening (or reusing) the session, the geometry, the plan.
		return new Setup(session, routing, policy, geometry, plan, clock, (System.nanoTime() - start) / 1e9);
	}

	private RunReport finish(final ImageData image, final Model model, final RunOptions options, final Setup run, final RunMonitor monitor) {
		final String mapping = image.planeCount() > 0 ? image.mapping(0).describe() : "";
		if (run.policy.needsSeamReport()) reportSeam(image, model, run.session, run.routing, run.policy, options, monitor);
		final RunReport report = new RunReport(model.id(), run.session.device(), run.plan, mapping, run.seconds, run.clock.seconds());
		monitor.info(report.summary());
		return report;
	}

	/** Measures and logs what tiling cost a model that pools over its whole input (see {@link SeamMeter}). */
	private void reportSeam(final ImageData image, final Model model, final InferenceSession session, final ChannelRouting routing,
		final WholeInputPolicy policy, final RunOptions options, final RunMonitor monitor)
	{
		final ModelGeometry geometry = geometries.geometry(model, session);
		final ValueMapping map = image.mapping(0);
		final int side = WholeInputPolicy.affordableSide(options.memoryBudget());
		final ProgressClock quiet = new ProgressClock(Integer.MAX_VALUE);
		final RunMonitor cancelOnly = new RunMonitor() {
			@Override public boolean isCancelled() { return monitor.isCancelled(); }
		};
		final double psnr;
		try (TileReader reader = new TileReader()) {
			psnr = SeamMeter.psnr(routing.groups(image.components(0)).get(0), image.width(), image.height(), side, geometry.multiple(), policy.tiles(),
				(group, tiles, w, h) -> runPlane(session, plan(w, h, model, geometry, tiles.isAuto() ? tiles.withTileSize(TileOptions.FALLBACK_TILE_SIZE) : tiles), reader, group, map, quiet, cancelOnly));
		}
		monitor.warn(String.format(java.util.Locale.ROOT, "Renovo: %s pools over its whole input; this %dx%d image needs about %d MB as one tile, over the budget of %d MB, so it ran in tiles."
			+ " On a %dx%d crop, tiled against one tile: PSNR %.1f dB. A larger memory budget runs it as one tile.", model.id(), image.width(), image.height(),
			policy.estimatedBytes() >> 20, options.memoryBudget() >> 20, Math.min(side, image.width()), Math.min(side, image.height()), psnr));
	}

	/** Replaces the run's plan by one of half-size tiles, logged. */
	private static void shrink(final Setup run, final Model model, final OutOfModelMemoryException failure, final RunMonitor monitor) {
		final TilePlan smaller = smaller(run.plan, model, run.geometry, failure);
		monitor.warn("Renovo: ONNX Runtime ran out of memory on a tile of " + run.plan.sourceWidth() + "x" + run.plan.sourceHeight() + " px; this plane runs again with tiles of "
			+ coreSize(smaller) + " px (same halo, so the result is unchanged where the tiling was exact).");
		run.clock.addWork(smaller.tiles().size());
		run.plan = smaller;
	}

	/** NB: at most this many halvings after an allocation failure, and never below the policy's smallest tile. */
	static final int MAX_HALVINGS = 3;

	/**
	 * The same image planned with tiles of half the core size, after ONNX Runtime ran out of memory.
	 *
	 * @throws OutOfModelMemoryException {@code failure}, when the tiles cannot shrink further
	 */
	private static TilePlan smaller(final TilePlan plan, final Model model, final ModelGeometry geometry, final OutOfModelMemoryException failure) {
		final int half = coreSize(plan) / 2;
		if (half < TileSizePolicy.MIN) throw failure;
		return plan(plan.width(), plan.height(), model, geometry, plan.tileOptions().withTileSize(half));
	}

	private static int coreSize(final TilePlan plan) {
		int size = 0;
		for (final Tile t : plan.tiles()) size = Math.max(size, Math.max(t.core().width(), t.core().height()));
		return size;
	}

	/**
	 * The plan for an image: with an automatic tile size, first planned at the fallback size to learn the
	 * halo, then at the size {@link TileSizePolicy} chooses from the model's cost.
	 */
	public TilePlan plan(final int width, final int height, final Model model, final ModelGeometry geometry, final RunOptions options) {
		return plan(width, height, model, geometry, options.tiles(), options, 3, RunMonitor.NONE);
	}

	private TilePlan plan(final int width, final int height, final Model model, final ModelGeometry geometry, final org.renovo.tiling.TileOptions tiles,
		final RunOptions options, final int channels, final RunMonitor monitor)
	{
		final TilePlan first = plan(width, height, model, geometry, tiles);
		if (!tiles.isAuto()) return first;
		final TileSizePolicy chosen = TileSizePolicy.choose(geometries.cost(model), first.halo(), options.memoryBudget(), width, height,
			TileSizePolicy.heapPerCoreRow(geometry.scale(), width, channels));
		monitor.info("Renovo: " + model.id() + ": " + chosen.reason());
		return plan(width, height, model, geometry, tiles.withTileSize(chosen.size()));
	}

	private static TilePlan plan(final int width, final int height, final Model model, final ModelGeometry geometry, final org.renovo.tiling.TileOptions tiles) {
		final InputPadding padding = model.padding();
		if (padding.isFixed() && padding.pad() < geometry.border())
			throw new ModelFormatException("Model " + model.id() + " declares a pad of " + padding.pad() + " px but loses a border of " + geometry.border() + " px: its card must pad at least the border.");
		try {
			return TilePlanner.plan(width, height, geometry, padding, tiles);
		}
		catch (final IllegalArgumentException e) {
			if (e.getMessage().startsWith("Image")) throw new UnsupportedImageException(e.getMessage(), e);
			throw new InvalidOptionsException(e.getMessage(), e);
		}
	}

	private static float[][] runPlane(final InferenceSession session, final TilePlan plan, final TileReader reader,
		final List<RandomAccessibleInterval<? extends RealType<?>>> group, final ValueMapping map, final ProgressClock clock, final RunMonitor monitor)
	{
		final int channels = group.size();
		final OverlapBlender blender = new OverlapBlender(plan, channels);
		// NB: sized for the largest tile; the engine writes each tile's output into its front.
		final FloatBuffer output = outputBuffer(TensorLayout.shape(channels, plan.modelOutputHeight(), plan.modelOutputWidth()));
		try {
			for (final Tile tile : plan.tiles()) {
				if (monitor.isCancelled()) throw new RunCancelledException("Run cancelled by the user before tile " + (tile.index() + 1) + " of " + plan.tiles().size() + "; no result was made and the input is unchanged.");
				final long[] shape = TensorLayout.shape(channels, tile.source().height(), tile.source().width());
				final long[] expected = TensorLayout.shape(channels, plan.modelOutputHeight(tile), plan.modelOutputWidth(tile));
				blender.add(tile, checked(session.run(reader.read(group, tile.source(), map, plan.padding().edge()), shape, output, expected), shape, expected, plan));
				clock.tick(monitor);
			}
		}
		finally {
			if (output.isDirect()) DirectBuffers.give(output);
		}
		return blender.finish();
	}

	/**
	 * One plane through the model tile by tile, every channel group of a tile before the next tile, into a
	 * {@link BandBlender} whose bands go back to image units and on to the sink.
	 */
	private static void streamPlane(final Setup run, final TileReader reader, final ImageData image, final int p, final BandSink sink, final RunMonitor monitor) {
		final TilePlan plan = run.plan;
		final ValueMapping map = image.mapping(p);
		final List<List<RandomAccessibleInterval<? extends RealType<?>>>> groups = run.routing.groups(image.components(p));
		final int channels = groups.stream().mapToInt(List::size).sum();
		final int widest = groups.stream().mapToInt(List::size).max().orElse(1);
		final BandBlender blender = new BandBlender(plan, channels, sink.rowMultiple(), (y, band) -> sink.accept(p, y, toImageUnits(band, groups, map, run.routing)));
		final FloatBuffer output = outputBuffer(TensorLayout.shape(widest, plan.modelOutputHeight(), plan.modelOutputWidth()));
		try {
			for (final Tile tile : plan.tiles()) {
				int first = 0;
				for (final List<RandomAccessibleInterval<? extends RealType<?>>> group : groups) {
					if (monitor.isCancelled()) throw new RunCancelledException("Run cancelled by the user before tile " + (tile.index() + 1) + " of " + plan.tiles().size() + "; the result is incomplete and the input is unchanged.");
					final long[] shape = TensorLayout.shape(group.size(), tile.source().height(), tile.source().width());
					final long[] expected = TensorLayout.shape(group.size(), plan.modelOutputHeight(tile), plan.modelOutputWidth(tile));
					blender.add(tile, checked(run.session.run(reader.read(group, tile.source(), map, plan.padding().edge()), shape, output, expected), shape, expected, plan), first);
					first += group.size();
					run.clock.tick(monitor);
				}
			}
		}
		finally {
			if (output.isDirect()) DirectBuffers.give(output);
		}
	}

	/** A band's channels, grouped as the model ran them, in image units and merged as {@link ChannelRouting} does for whole planes. */
	private static float[][] toImageUnits(final float[][] band, final List<? extends List<?>> groups, final ValueMapping map, final ChannelRouting routing) {
		final List<float[][]> outputs = new ArrayList<>();
		int first = 0;
		for (final List<?> group : groups) {
			outputs.add(toImageUnits(Arrays.copyOfRange(band, first, first + group.size()), map));
			first += group.size();
		}
		return routing.merge(outputs);
	}

	private static PlanarTile checked(final Tensor out, final long[] shape, final long[] expected, final TilePlan plan) {
		if (!Arrays.equals(out.shape(), expected)) throw new InferenceException("The model gave an output of shape " + Arrays.toString(out.shape()) + " for input " + Arrays.toString(shape)
			+ ", but its geometry " + plan.geometry() + " predicts " + Arrays.toString(expected) + ": correct its model card.");
		return TensorLayout.planar(out.data(), out.shape());
	}

	/**
	 * The buffer every tile's output goes into, without a copy (see {@link DirectBuffers} for why it is
	 * borrowed). NB: a tile output beyond 2 GB fits no direct buffer; a heap one makes the engine run
	 * plainly and copy.
	 */
	private static FloatBuffer outputBuffer(final long[] shape) {
		final long floats = (long) TensorLayout.channels(shape) * TensorLayout.height(shape) * TensorLayout.width(shape);
		return floats * Float.BYTES <= Integer.MAX_VALUE ? DirectBuffers.borrow((int) floats) : FloatBuffer.allocate(0);
	}

	private static float[][] toImageUnits(final float[][] planes, final ValueMapping map) {
		for (final float[] plane : planes)
			for (int i = 0; i < plane.length; i++)
				plane[i] = map.fromModel(plane[i]);
		return planes;
	}
}
