package org.curveball.session;

/**
 * Thrown when a session's JSON is larger than the configured limit; nothing is written.
 */
public class SessionTooLargeException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param size the size of the session's JSON, in bytes
	 * @param limit the configured limit, in bytes
	 */
	public SessionTooLargeException(long size, long limit) {
		super("Session of " + size + " bytes exceeds the limit of " + limit
				+ " bytes set by curveball.session.redis.max-size; nothing was saved");
	}

}
