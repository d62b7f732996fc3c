package org.curveball.session;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Tells each of several listeners of session ids what happened, in order.
 *
 * @param listeners the listeners
 */
record CompositeSessionIdListener(List<SessionIdListener> listeners) implements SessionIdListener {

	@Override
	public void idAssigned(@Nullable String previousId, String id, Session session) {
		this.listeners.forEach((listener) -> listener.idAssigned(previousId, id, session));
	}

	@Override
	public void ended(String id, Map<String, @Nullable Object> values) {
		this.listeners.forEach((listener) -> listener.ended(id, values));
	}

}
