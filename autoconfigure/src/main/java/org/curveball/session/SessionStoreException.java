package org.curveball.session;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the session store cannot be reached or does not answer in time.
 */
public class SessionStoreException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what failed, without any session id
	 * @param cause the store's own exception, if any
	 */
	public SessionStoreException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
