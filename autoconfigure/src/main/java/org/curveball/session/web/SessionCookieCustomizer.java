package org.curveball.session.web;

import org.springframework.http.ResponseCookie;

/**
 * Changes the session cookie before it is sent, for what the properties do not cover (for
 * example the {@code Partitioned} attribute).
 */
@FunctionalInterface
public interface SessionCookieCustomizer {

	/**
	 * Customize the cookie.
	 * @param cookie the cookie, with the configured attributes already set
	 */
	void customize(ResponseCookie.ResponseCookieBuilder cookie);

}
