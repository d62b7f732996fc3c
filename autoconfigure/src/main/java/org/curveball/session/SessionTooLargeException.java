package org.curveball.session;

/**
 * Thrown when a session's JSON is larger than the configured limit; nothing is written.
 */
public class SessionTooLargeException extends RuntimeException {

	private final long size;

	private final long limit;

	/**
	 * Create an exception.
	 * @param size the size of the session's JSON, in bytes
	 * @param limit the configured limit, in bytes
	 */
	public SessionTooLargeException(long size, long limit) {
		super("Session of " + size + " bytes exceeds the limit of " + limit + " bytes; nothing was saved");
		this.size = size;
		this.limit = limit;
	}

	/**
	 * Return the size of the session's JSON.
	 * @return the size, in bytes
	 */
	public long getSize() {
		return this.size;
	}

	/**
	 * Return the limit the session exceeds.
	 * @return the limit, in bytes
	 */
	public long getLimit() {
		return this.limit;
	}

}
