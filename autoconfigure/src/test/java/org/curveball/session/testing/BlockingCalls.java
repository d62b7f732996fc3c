package org.curveball.session.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionStore;

/**
 * A non-blocking store seen as a {@link SessionStore} by a test thread, so that the store
 * contract's tests run against it: each call waits for its future and throws what failed
 * it.
 */
public final class BlockingCalls implements SessionStore {

	private final AsyncSessionStore store;

	public BlockingCalls(AsyncSessionStore store) {
		this.store = store;
	}

	@Override
	public @Nullable String get(String id, Duration expiry) {
		return join(this.store.get(id, expiry));
	}

	@Override
	public void set(String id, String json, Duration expiry) {
		join(this.store.set(id, json, expiry));
	}

	@Override
	public ReplaceResult replace(String id, String expected, @Nullable String json, Duration expiry) {
		return join(this.store.replace(id, expected, json, expiry));
	}

	@Override
	public void delete(String id) {
		join(this.store.delete(id));
	}

	@Override
	public String newSessionId() {
		return this.store.newSessionId();
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
