package org.curveball.session;

import java.time.Duration;
import java.util.List;

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
	 * Return an observer that tells each of several observers, in order.
	 * @param observers the observers
	 * @return {@link #NONE} for none, the observer itself for one, else one that tells
	 * them all
	 */
	static SessionObserver of(List<? extends SessionObserver> observers) {
		return switch (observers.size()) {
			case 0 -> NONE;
			case 1 -> observers.get(0);
			default -> new CompositeSessionObserver(List.copyOf(observers));
		};
	}

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
