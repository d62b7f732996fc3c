package org.curveball.session.core;

import java.nio.charset.StandardCharsets;

import org.curveball.session.SessionTooLargeException;

/**
 * The largest session that may be saved, checked on the JSON about to be written.
 */
final class SizeLimit {

	private final long maxBytes;

	SizeLimit(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * Check the JSON of a session. A string whose every character took three bytes of
	 * UTF-8 (the most a UTF-16 character can) and still fit is not encoded to measure it.
	 * @param json the JSON about to be written
	 * @throws SessionTooLargeException if it is larger than the limit
	 */
	void check(String json) {
		if (json.length() * 3L <= this.maxBytes) {
			return;
		}
		long size = json.getBytes(StandardCharsets.UTF_8).length;
		if (size > this.maxBytes) {
			throw new SessionTooLargeException(size, this.maxBytes);
		}
	}

}
