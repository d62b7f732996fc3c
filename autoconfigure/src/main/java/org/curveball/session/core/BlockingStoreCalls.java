package org.curveball.session.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionStore;

/**
 * A blocking {@link SessionStore} seen as an {@link AsyncSessionStore}: each call runs on
 * the calling thread and returns a completed future, so that the engine's decisions run
 * unchanged over it, with no thread hand-off.
 */
final class BlockingStoreCalls implements AsyncSessionStore {

	private final SessionStore store;

	BlockingStoreCalls(SessionStore store) {
		this.store = store;
	}

	@Override
	public CompletableFuture<@Nullable String> get(String id, Duration expiry) {
		return call(() -> this.store.get(id, expiry));
	}

	@Override
	public CompletableFuture<Void> set(String id, String json, Duration expiry) {
		return call(() -> {
			this.store.set(id, json, expiry);
			return null;
		});
	}

	@Override
	public CompletableFuture<ReplaceResult> replace(String id, String expected, @Nullable String json,
			Duration expiry) {
		return call(() -> this.store.replace(id, expected, json, expiry));
	}

	@Override
	public CompletableFuture<Void> delete(String id) {
		return call(() -> {
			this.store.delete(id);
			return null;
		});
	}

	@Override
	public String newSessionId() {
		return this.store.newSessionId();
	}

	private static <T> CompletableFuture<T> call(Supplier<T> call) {
		try {
			return CompletableFuture.completedFuture(call.get());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
