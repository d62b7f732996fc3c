package org.curveball.session.redis;

/**
 * Recognises Redis error replies in the exceptions Spring Data Redis throws, where the
 * reply is the message of the exception or of one of its causes.
 */
final class RedisErrors {

	private RedisErrors() {
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
