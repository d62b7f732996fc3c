package org.curveball.session;

import java.time.Duration;

/**
 * How sessions behave, whatever the store and the web layer.
 *
 * @param expiry idle time after which a session expires; every read restarts it
 * @param maxSize largest session, in bytes of JSON, that may be saved
 */
public record SessionSettings(Duration expiry, long maxSize) {

	/**
	 * Check the settings.
	 * @param expiry idle time after which a session expires
	 * @param maxSize largest session, in bytes of JSON
	 */
	public SessionSettings {
		if (expiry.isNegative() || expiry.isZero()) {
			throw new IllegalArgumentException("expiry must be positive");
		}
		if (maxSize <= 0) {
			throw new IllegalArgumentException("maxSize must be positive");
		}
	}

}
