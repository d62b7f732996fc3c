package org.curveball.session;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Hears when this instance stores a session under a new id or ends one, so that what is
 * kept beside the sessions, such as the index of a user's sessions, can follow. It is
 * called on the request's thread once the store has done so; an exception it throws fails
 * the request as a store failure does.
 * <p>
 * The ids are the sessions' secrets: an implementation must never log them (a
 * {@link SessionIds#fingerprint fingerprint} stands for an id in logs). A session that
 * expires, or that another instance ends, is not reported.
 */
public interface SessionIdListener {

	/**
	 * A listener that does nothing.
	 */
	SessionIdListener NONE = new SessionIdListener() {
	};

	/**
	 * Return a listener that tells each of several listeners, in order.
	 * @param listeners the listeners
	 * @return {@link #NONE} for none, the listener itself for one, else one that tells
	 * them all
	 */
	static SessionIdListener of(List<? extends SessionIdListener> listeners) {
		return switch (listeners.size()) {
			case 0 -> NONE;
			case 1 -> listeners.get(0);
			default -> new CompositeSessionIdListener(List.copyOf(listeners));
		};
	}

	/**
	 * A session was stored under an id it did not have when the request began: a new
	 * session, or one that {@link Session#regenerateId()} moved (its previous id is then
	 * deleted).
	 * @param previousId the id the session moved from, or {@code null} for a new session
	 * @param id the id it is stored under now
	 * @param session the session, with the values just stored
	 */
	default void idAssigned(@Nullable String previousId, String id, Session session) {
	}

	/**
	 * A session was deleted: invalidated, emptied, or past its maximum lifetime.
	 * @param id the id it had
	 * @param values its values as last stored, before the request that ended it changed
	 * them; empty when that request never read them
	 */
	default void ended(String id, Map<String, @Nullable Object> values) {
	}

}
