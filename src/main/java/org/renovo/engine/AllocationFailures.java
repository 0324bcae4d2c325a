package org.renovo.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells ONNX Runtime's out-of-memory failures from other failures by their message, the only thing its
 * Java API gives (the status code is ORT_FAIL or ORT_RUNTIME_EXCEPTION for both). The phrases are those
 * of its CPU allocator, its BFC arena, and CUDA.
 */
final class AllocationFailures {

	private static final Pattern PHRASES = Pattern.compile(
		"failed to allocate memory|bad_alloc|bad allocation|out of memory|cudaerrormemoryallocation|cuda_error_out_of_memory|available memory of \\d+ is smaller than requested");

	private AllocationFailures() {}

	static boolean matches(final String message) {
		return message != null && PHRASES.matcher(message.toLowerCase(Locale.ROOT)).find();
	}
}
