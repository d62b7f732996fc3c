package org.curveball.session;

/**
 * Makes new session ids. Ids must have Curveball's form (see {@link SessionIds}): a
 * cookie holding anything else is ignored.
 */
@FunctionalInterface
public interface SessionIdGenerator {

	/**
	 * Make a new, unpredictable session id.
	 * @return the id
	 */
	String generate();

}
