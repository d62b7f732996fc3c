package org.curveball.session.redis;

import org.curveball.session.MalformedSessionException;
import org.curveball.session.SessionStoreException;

/**
 * Recognises Redis error replies in the exceptions Spring Data Redis throws, where the
 * reply is the message of the exception or of one of its causes.
 */
final class RedisErrors {

	private RedisErrors() {
	}

	/**
	 * Return the exception a failed Redis command is reported as: data of the wrong kind
	 * as {@link MalformedSessionException}, anything else as
	 * {@link SessionStoreException}.
	 * @param operation what the command did, for the message
	 * @param ex what Spring Data Redis threw
	 * @return the exception to throw
	 */
	static RuntimeException storeFailure(String operation, Throwable ex) {
		if (isReply(ex, "WRONGTYPE")) {
			return new MalformedSessionException("Stored session is a Redis key of another type", ex);
		}
		return new SessionStoreException("Redis session " + operation + " failed", ex);
	}

	/**
	 * Whether an exception stands for an error reply with the given code.
	 * @param ex the exception
	 * @param code the error code, such as {@code WRONGTYPE} or {@code NOSCRIPT}
	 * @return whether it or one of its causes carries that reply
	 */
	static boolean isReply(Throwable ex, String code) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.startsWith(code)) {
				return true;
			}
		}
		return false;
	}

}
