package org.curveball.session.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Enforces an absolute session lifetime besides the idle expiry, as OWASP recommends. The
 * creation time travels in the session's JSON, first, under {@link #CREATED_KEY} (epoch
 * milliseconds), so that every instance, and a Curveball service that keeps the key, sees
 * the same one. Without a maximum lifetime nothing is added to the JSON.
 */
final class SessionLifetime {

	static final String CREATED_KEY = "__created";

	private final @Nullable Duration maxLifetime;

	private final Clock clock;

	SessionLifetime(@Nullable Duration maxLifetime, Clock clock) {
		this.maxLifetime = maxLifetime;
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Return whether stored values carry what {@link #stamp} would write: a creation time
	 * when a maximum lifetime is set.
	 * @param values the values as stored, before {@link #admit}
	 * @return {@code false} if saving them would add a creation time
	 */
	boolean isStamped(Map<String, @Nullable Object> values) {
		return this.maxLifetime == null || values.get(CREATED_KEY) instanceof Number;
	}

	/**
	 * Take the creation time out of stored values.
	 * @param values the values as stored; the creation time is removed from them
	 * @return the creation time (now, for a session stored without one), or {@code null}
	 * if the session has outlived its maximum lifetime
	 */
	@Nullable Instant admit(Map<String, @Nullable Object> values) {
		if (this.maxLifetime == null) {
			return now();
		}
		Instant created = (values.remove(CREATED_KEY) instanceof Number millis)
				? Instant.ofEpochMilli(millis.longValue()) : now();
		return now().isBefore(created.plus(this.maxLifetime)) ? created : null;
	}

	/**
	 * Return the values to store: with the creation time first when a maximum lifetime is
	 * set, otherwise the values themselves.
	 * @param values the session's values
	 * @param created when the session was created
	 * @return the values to write
	 */
	Map<String, @Nullable Object> stamp(Map<String, @Nullable Object> values, Instant created) {
		if (this.maxLifetime == null) {
			return values;
		}
		Map<String, @Nullable Object> stamped = new LinkedHashMap<>();
		stamped.put(CREATED_KEY, created.toEpochMilli());
		stamped.putAll(values);
		return stamped;
	}

	/**
	 * Remove the creation time from values merged from the store.
	 * @param values the merged values
	 * @return the same map, without the creation time
	 */
	Map<String, @Nullable Object> strip(Map<String, @Nullable Object> values) {
		if (this.maxLifetime != null) {
			values.remove(CREATED_KEY);
		}
		return values;
	}

}
