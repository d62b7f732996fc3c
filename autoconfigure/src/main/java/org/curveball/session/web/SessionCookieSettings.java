package org.curveball.session.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

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

	/**
	 * Start a cookie with these {@code Path}, {@code Domain}, {@code Secure},
	 * {@code HttpOnly} and {@code SameSite} attributes, for the session cookie or another
	 * cookie of the starter's that goes with it.
	 * @param name the cookie's name
	 * @param value the cookie's value
	 * @param secureRequest whether the request came over HTTPS, which decides
	 * {@code Secure} unless these settings do
	 * @return the cookie's builder
	 */
	public ResponseCookie.ResponseCookieBuilder cookie(String name, String value, boolean secureRequest) {
		return ResponseCookie.from(name, value)
			.path(this.path)
			.domain(this.domain)
			.secure((this.secure != null) ? this.secure : secureRequest)
			.httpOnly(this.httpOnly)
			.sameSite(this.sameSite);
	}

}
