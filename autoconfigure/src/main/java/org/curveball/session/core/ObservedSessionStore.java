package org.curveball.session.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.MalformedSessionException;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionObserver;

/**
 * Reports every operation of a store to a {@link SessionObserver}, timed until the store
 * answered and with its outcome.
 */
final class ObservedSessionStore implements AsyncSessionStore {

	private final AsyncSessionStore store;

	private final SessionObserver observer;

	ObservedSessionStore(AsyncSessionStore store, SessionObserver observer) {
		this.store = store;
		this.observer = observer;
	}

	@Override
	public CompletableFuture<@Nullable String> get(String id, Duration expiry) {
		return observe("load", System.nanoTime(), this.store.get(id, expiry),
				(json) -> (json != null) ? "hit" : "miss");
	}

	@Override
	public CompletableFuture<Void> set(String id, String json, Duration expiry) {
		return observe("save", System.nanoTime(), this.store.set(id, json, expiry), (nothing) -> "saved");
	}

	@Override
	public CompletableFuture<ReplaceResult> replace(String id, String expected, @Nullable String json,
			Duration expiry) {
		return observe("save", System.nanoTime(), this.store.replace(id, expected, json, expiry),
				ObservedSessionStore::outcomeOf);
	}

	@Override
	public CompletableFuture<Void> delete(String id) {
		return observe("delete", System.nanoTime(), this.store.delete(id), (nothing) -> "deleted");
	}

	@Override
	public String newSessionId() {
		return this.store.newSessionId();
	}

	private <T> CompletableFuture<T> observe(String operation, long start, CompletableFuture<T> call,
			Function<T, String> outcome) {
		return call.whenComplete((result, failure) -> {
			if (failure == null) {
				report(operation, outcome.apply(result), start);
			}
			else {
				report(operation, (Futures.cause(failure) instanceof MalformedSessionException) ? "malformed" : "error",
						start);
			}
		});
	}

	private void report(String operation, String outcome, long start) {
		this.observer.storeOperation(operation, outcome, Duration.ofNanos(System.nanoTime() - start));
	}

	private static String outcomeOf(ReplaceResult result) {
		if (result instanceof ReplaceResult.Replaced) {
			return "saved";
		}
		return (result instanceof ReplaceResult.Conflict) ? "conflict" : "missing";
	}

}
