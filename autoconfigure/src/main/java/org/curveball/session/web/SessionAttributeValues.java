package org.curveball.session.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.curveball.session.Session;
import org.curveball.session.UnstorableAttributeException;
import org.curveball.session.json.SessionAttributeTypes;

/**
 * Sets the attributes of a web stack's own session view ({@code HttpSession},
 * {@code WebSession}) in the Curveball session: plain JSON as it is, other objects with
 * their type id, for the types on the allow-list.
 */
public final class SessionAttributeValues {

	private static final Log logger = LogFactory.getLog(SessionAttributeValues.class);

	private final SessionAttributeTypes types;

	/**
	 * Create the setter of a set of allowed types.
	 * @param types the types of attributes that are not plain JSON
	 */
	public SessionAttributeValues(SessionAttributeTypes types) {
		this.types = types;
	}

	/**
	 * Set an attribute, or remove it if the value is {@code null}. An exception that
	 * could not be read back from its JSON (its type is not allowed, or it has no
	 * constructor taking its message) is left out with a warning instead of failing the
	 * request when the session is saved: an exception in a session is a message for a
	 * later page, such as a sign-in failure, not state.
	 * @param session the session
	 * @param name the attribute's name
	 * @param value its value
	 */
	public void set(Session session, String name, @Nullable Object value) {
		if (value == null) {
			session.remove(name);
			return;
		}
		if (!(value instanceof Throwable)) {
			session.put(name, this.types.toSessionValue(value));
			return;
		}
		try {
			session.put(name, this.types.toCheckedSessionValue(value));
		}
		catch (UnstorableAttributeException ex) {
			logger.warn("Leaving session attribute '" + name + "' out: " + ex.getMessage());
			session.remove(name);
		}
	}

}
