package org.curveball.session;

import java.time.Duration;

/**
 * Hears what sessions do, for metrics: store operations with their outcome and duration,
 * and the events of a session's life. Every method does nothing by default.
 */
public interface SessionObserver {

	/**
	 * An observer that does nothing.
	 */
	SessionObserver NONE = new SessionObserver() {
	};

	/**
	 * A store operation finished.
	 * @param operation {@code load}, {@code save} or {@code delete}
	 * @param outcome what came of it: {@code hit}, {@code miss}, {@code saved},
	 * {@code conflict}, {@code missing}, {@code deleted}, {@code malformed} or
	 * {@code error}
	 * @param duration how long it took
	 */
	default void storeOperation(String operation, String outcome, Duration duration) {
	}

	/**
	 * A new session was stored under a new id.
	 */
	default void sessionCreated() {
	}

	/**
	 * A session was deleted: ended, emptied, or past its maximum lifetime.
	 */
	default void sessionEnded() {
	}

	/**
	 * A session moved to a new id.
	 */
	default void sessionRegenerated() {
	}

	/**
	 * A save met another request's change and was merged and tried again.
	 */
	default void saveConflict() {
	}

	/**
	 * A request carried a session cookie that cannot be an id; it was ignored.
	 */
	default void cookieRejected() {
	}

}
