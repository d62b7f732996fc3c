package org.curveball.bench;

/**
 * The only thing that differs between the three benchmark applications: how a handler
 * reads and writes one session attribute.
 *
 * @param <S> the handler parameter that gives access to the session; Spring MVC resolves
 * it from the request (for example the starter's {@code Session}, or the
 * {@code HttpServletRequest} for {@code HttpSession}-based sessions)
 */
public interface SessionAccess<S> {

	/**
	 * Read an attribute.
	 * @param session the resolved handler parameter
	 * @param key the attribute name
	 * @return the value, or {@code null} where there is none
	 */
	Object read(S session, String key);

	/**
	 * Write an attribute, creating the session where there is none.
	 * @param session the resolved handler parameter
	 * @param key the attribute name
	 * @param value the value
	 */
	void write(S session, String key, Object value);

}
