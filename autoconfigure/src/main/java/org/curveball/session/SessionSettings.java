package org.curveball.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How sessions behave, whatever the store and the web layer.
 *
 * @param expiry idle time after which a session expires; every read restarts it
 * @param maxSize largest session, in bytes of JSON, that may be saved
 * @param maxLifetime time after its creation at which a session ends however active it
 * is, or {@code null} for no limit
 */
public record SessionSettings(Duration expiry, long maxSize, @Nullable Duration maxLifetime) {

	/**
	 * Check the settings.
	 * @param expiry idle time after which a session expires
	 * @param maxSize largest session, in bytes of JSON
	 * @param maxLifetime time after its creation at which a session ends, or {@code null}
	 */
	public SessionSettings {
		if (expiry.isNegative() || expiry.isZero()) {
			throw new IllegalArgumentException("expiry must be positive");
		}
		if (maxSize <= 0) {
			throw new IllegalArgumentException("maxSize must be positive");
		}
		if (maxLifetime != null && (maxLifetime.isNegative() || maxLifetime.isZero())) {
			throw new IllegalArgumentException("maxLifetime must be positive");
		}
	}

	/**
	 * Settings without a maximum lifetime.
	 * @param expiry idle time after which a session expires
	 * @param maxSize largest session, in bytes of JSON
	 */
	public SessionSettings(Duration expiry, long maxSize) {
		this(expiry, maxSize, null);
	}

}
