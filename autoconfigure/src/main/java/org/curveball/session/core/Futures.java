package org.curveball.session.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for the engine's futures on behalf of blocking callers, throwing what failed them
 * as it was thrown rather than wrapped.
 */
final class Futures {

	private Futures() {
	}

	/**
	 * Wait for a future and return its value.
	 * @param <T> the value's type
	 * @param future the future
	 * @return its value
	 */
	static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw rethrow(ex);
		}
	}

	/**
	 * Return the failure a future's exception stands for, unwrapped from the
	 * {@link CompletionException} that dependent stages wrap it in.
	 * @param ex the exception a stage completed with
	 * @return the failure itself
	 */
	static Throwable cause(Throwable ex) {
		Throwable cause = ex;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * Throw the failure an exception of a stage stands for, unwrapped where it is
	 * unchecked.
	 * @param ex the exception a stage completed with
	 * @return never returns: declared so that callers can {@code throw} it
	 */
	static RuntimeException rethrow(Throwable ex) {
		Throwable cause = cause(ex);
		if (cause instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		throw new CompletionException(cause);
	}

}
