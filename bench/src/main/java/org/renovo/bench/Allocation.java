package org.renovo.bench;

import java.lang.management.ManagementFactory;

/** Bytes the calling thread allocates on the heap from construction on; costs nothing while it counts. */
final class Allocation {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	private final long thread = Thread.currentThread().getId();
	private final long start = THREADS.getThreadAllocatedBytes(thread);

	double megabytes() {
		return (THREADS.getThreadAllocatedBytes(thread) - start) / 1e6;
	}
}
