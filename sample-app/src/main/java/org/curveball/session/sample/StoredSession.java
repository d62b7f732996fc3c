package org.curveball.session.sample;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What Redis holds for a session, as a page shows it.
 *
 * @param key the Redis key, with the session id masked
 * @param json the stored JSON, pretty-printed, or {@code null} if the key does not exist
 * @param idleTimeLeft the time before the key expires unless the session is used, or
 * {@code null} if the key does not exist
 * @param commands the Redis commands that reading it cost
 */
public record StoredSession(String key, @Nullable String json, @Nullable Duration idleTimeLeft, List<String> commands) {

	/**
	 * Return whether Redis holds the session.
	 * @return {@code true} if the key exists
	 */
	public boolean exists() {
		return this.json != null;
	}

	/**
	 * Return the idle time left, as a person reads it.
	 * @return for example {@code "59 min 58 s"}, or an empty string if the key does not
	 * exist
	 */
	public String idleTimeLeftText() {
		Duration left = this.idleTimeLeft;
		if (left == null) {
			return "";
		}
		long seconds = left.toSeconds();
		return (seconds >= 60) ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
	}

}
