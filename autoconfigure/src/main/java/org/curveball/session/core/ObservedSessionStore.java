package org.curveball.session.core;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.curveball.session.MalformedSessionException;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionObserver;
import org.curveball.session.SessionStore;

/**
 * Reports every operation of a store to a {@link SessionObserver}, timed and with its
 * outcome.
 */
final class ObservedSessionStore implements SessionStore {

	private final SessionStore store;

	private final SessionObserver observer;

	ObservedSessionStore(SessionStore store, SessionObserver observer) {
		this.store = store;
		this.observer = observer;
	}

	@Override
	public @Nullable String get(String id, Duration expiry) {
		return observe("load", () -> this.store.get(id, expiry), (json) -> (json != null) ? "hit" : "miss");
	}

	@Override
	public void set(String id, String json, Duration expiry) {
		observe("save", () -> {
			this.store.set(id, json, expiry);
			return null;
		}, (nothing) -> "saved");
	}

	@Override
	public ReplaceResult replace(String id, String expected, @Nullable String json, Duration expiry) {
		return observe("save", () -> this.store.replace(id, expected, json, expiry), ObservedSessionStore::outcomeOf);
	}

	@Override
	public void delete(String id) {
		observe("delete", () -> {
			this.store.delete(id);
			return null;
		}, (nothing) -> "deleted");
	}

	@Override
	public String newSessionId() {
		return this.store.newSessionId();
	}

	private <T> T observe(String operation, Supplier<T> call, Function<T, String> outcome) {
		long start = System.nanoTime();
		try {
			T result = call.get();
			report(operation, outcome.apply(result), start);
			return result;
		}
		catch (MalformedSessionException ex) {
			report(operation, "malformed", start);
			throw ex;
		}
		catch (RuntimeException ex) {
			report(operation, "error", start);
			throw ex;
		}
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
