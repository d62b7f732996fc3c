package org.curveball.session.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionStore;

/**
 * Keeps sessions in this JVM's memory, with the same semantics as the Redis store: idle
 * expiry restarted by every read, and atomic conditional saves. Sessions are lost when
 * the application stops and are not shared between instances.
 */
public final class InMemorySessionStore implements SessionStore {

	private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

	private final SessionIdGenerator ids;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param ids how new session ids are made
	 * @param clock the clock that expiry is measured with
	 */
	public InMemorySessionStore(SessionIdGenerator ids, Clock clock) {
		this.ids = ids;
		this.clock = clock;
	}

	@Override
	public @Nullable String get(String id, Duration expiry) {
		Entry entry = this.sessions.computeIfPresent(id, (key, existing) -> live(existing, expiry));
		return (entry != null) ? entry.json() : null;
	}

	@Override
	public void set(String id, String json, Duration expiry) {
		this.sessions.values().removeIf(this::isExpired);
		this.sessions.put(id, new Entry(json, expiresAt(expiry)));
	}

	@Override
	public ReplaceResult replace(String id, String expected, @Nullable String json, Duration expiry) {
		ReplaceResult[] result = { new ReplaceResult.Missing() };
		this.sessions.computeIfPresent(id, (key, existing) -> {
			if (isExpired(existing)) {
				return null;
			}
			if (!existing.json().equals(expected)) {
				result[0] = new ReplaceResult.Conflict(existing.json());
				return existing;
			}
			result[0] = new ReplaceResult.Replaced();
			return (json != null) ? new Entry(json, expiresAt(expiry)) : null;
		});
		return result[0];
	}

	@Override
	public void delete(String id) {
		this.sessions.remove(id);
	}

	@Override
	public String newSessionId() {
		return this.ids.generate();
	}

	private @Nullable Entry live(Entry entry, Duration expiry) {
		return isExpired(entry) ? null : new Entry(entry.json(), expiresAt(expiry));
	}

	private boolean isExpired(Entry entry) {
		return !this.clock.instant().isBefore(entry.expiresAt());
	}

	private Instant expiresAt(Duration expiry) {
		return this.clock.instant().plus(expiry);
	}

	private record Entry(String json, Instant expiresAt) {
	}

}
