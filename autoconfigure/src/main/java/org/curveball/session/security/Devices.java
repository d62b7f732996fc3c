package org.curveball.session.security;

import org.jspecify.annotations.Nullable;

/**
 * What a client says it is, kept with a sign-in for a list of the places a user is signed
 * in.
 */
final class Devices {

	/**
	 * The longest {@code User-Agent} kept as a sign-in's device.
	 */
	static final int MAX_DEVICE_LENGTH = 200;

	private Devices() {
	}

	/**
	 * Return the device a request's {@code User-Agent} names.
	 * @param userAgent the header's value, or {@code null}
	 * @return the value, cut to {@value #MAX_DEVICE_LENGTH} characters, or {@code null}
	 * if the request sent none
	 */
	static @Nullable String of(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return null;
		}
		return (userAgent.length() > MAX_DEVICE_LENGTH) ? userAgent.substring(0, MAX_DEVICE_LENGTH) : userAgent;
	}

}
