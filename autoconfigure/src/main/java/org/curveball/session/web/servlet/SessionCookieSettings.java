package org.curveball.session.web.servlet;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The attributes of the session cookie.
 *
 * @param name the cookie's name
 * @param path the {@code Path} attribute
 * @param domain the {@code Domain} attribute, or {@code null} for none
 * @param secure whether to send {@code Secure}, or {@code null} to send it on secure
 * requests only (HTTPS, including behind a proxy that forwards the scheme)
 * @param httpOnly whether to send {@code HttpOnly}
 * @param sameSite the {@code SameSite} attribute, or {@code null} for none
 * @param maxAge the {@code Max-Age} attribute, or {@code null} for a cookie that lasts
 * for the browser session
 */
public record SessionCookieSettings(String name, String path, @Nullable String domain, @Nullable Boolean secure,
		boolean httpOnly, @Nullable String sameSite, @Nullable Duration maxAge) {

	/**
	 * Curveball's defaults: {@code CB=<id>; Path=/; HttpOnly; SameSite=Lax}.
	 * @return the defaults
	 */
	public static SessionCookieSettings defaults() {
		return new SessionCookieSettings("CB", "/", null, null, true, "Lax", null);
	}

}
