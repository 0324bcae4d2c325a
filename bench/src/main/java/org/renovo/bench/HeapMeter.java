package org.renovo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Peak Java heap while a piece of work runs, from the heap pools' own peak counters, reset at the
 * start: no thread of its own. NB: a sampling thread would wake every millisecond and preempt one of
 * ONNX Runtime's two workers, which then wait for each other, slowing the run it measures. The sum of
 * the pools' peaks is exact when no collection happens during the work and an upper bound otherwise
 * (the pools may peak at different moments).
 */
final class HeapMeter implements AutoCloseable {

	private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).collect(Collectors.toList());
	private final long baseline;
	private long peak = -1;

	private HeapMeter() {
		pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		baseline = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
	}

	/** Starts measuring after a full collection, so the peak counts the work's own garbage and data. */
	static HeapMeter start() {
		System.gc();
		return new HeapMeter();
	}

	/** Stops measuring; the figures stay readable. */
	void stop() {
		if (peak >= 0) return;
		// NB: the pools record a peak at each collection; between collections the use now is the highest.
		peak = Math.max(pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum(), pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum());
	}

	long peakBytes() { return peak; }

	/** Heap in use when measuring started, after a full collection: data that was live before the work. */
	long baselineBytes() { return baseline; }

	@Override
	public void close() {
		stop();
	}
}
