package org.curveball.session;

/**
 * Thrown when a request's CSRF token is missing or does not match the session's; answered
 * with {@code 403} and a problem whose type is {@link #TYPE}, as Curveball does.
 */
public class CsrfException extends RuntimeException {

	/**
	 * The problem type Curveball uses for CSRF errors.
	 */
	public static final String TYPE = "https://curveball.org/errors/csrf-error";

	/**
	 * Create an exception.
	 * @param message what is wrong with the token
	 */
	public CsrfException(String message) {
		super(message);
	}

}
