package org.curveball.session.principal;

/**
 * Thrown when a sign-in is registered against a list of its principal's sessions that
 * another sign-in of the same principal has changed since: a check of the number of
 * sessions made on that list no longer holds, so the sign-in must not count.
 */
public class SignInConflictException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what happened, without any session id
	 */
	public SignInConflictException(String message) {
		super(message);
	}

}
