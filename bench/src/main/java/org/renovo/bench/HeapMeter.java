package org.renovo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak Java heap while a piece of work runs: a daemon thread samples the used heap every millisecond
 * (NB: between collections the used heap only grows, so a sample just before each collection is the
 * peak, missed by at most a millisecond of allocation). Also counts the bytes the calling thread
 * allocates, which unlike the peak does not depend on when the collector runs.
 */
final class HeapMeter implements AutoCloseable {

	private static final long PERIOD_MS = 1;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	private final long thread = Thread.currentThread().getId();
	private final long allocatedAtStart = threads.getThreadAllocatedBytes(thread);
	private final Thread sampler;
	private final long baseline;
	private volatile long peak;
	private volatile boolean running = true;

	private HeapMeter() {
		baseline = used();
		peak = baseline;
		sampler = new Thread(this::sample, "heap-meter");
		sampler.setDaemon(true);
		sampler.start();
	}

	/** Starts measuring after a full collection, so the peak counts the work's own garbage and data. */
	static HeapMeter start() {
		System.gc();
		return new HeapMeter();
	}

	long peakBytes() { return peak; }

	/** Heap in use when measuring started, after a full collection: data that was live before the work. */
	long baselineBytes() { return baseline; }

	long allocatedBytes() { return threads.getThreadAllocatedBytes(thread) - allocatedAtStart; }

	/** Stops sampling; the figures stay readable. */
	void stop() {
		if (!running) return;
		running = false;
		try {
			sampler.join();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		peak = Math.max(peak, used());
	}

	@Override
	public void close() {
		stop();
	}

	private void sample() {
		while (running) {
			peak = Math.max(peak, used());
			try {
				Thread.sleep(PERIOD_MS);
			}
			catch (final InterruptedException e) {
				return;
			}
		}
	}

	private long used() {
		return memory.getHeapMemoryUsage().getUsed();
	}
}
