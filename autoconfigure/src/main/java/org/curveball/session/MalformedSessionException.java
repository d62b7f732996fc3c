package org.curveball.session;

/**
 * Thrown when stored session data is not a JSON object: corrupt, truncated, of another
 * type, or kept in a Redis key of another type.
 */
public class MalformedSessionException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what is wrong, without any session id
	 * @param cause the parser's or the store's exception
	 */
	public MalformedSessionException(String message, Throwable cause) {
		super(message, cause);
	}

}
