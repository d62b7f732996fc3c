package org.curveball.session.web.servlet;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.curveball.session.web.SessionCookieSettings;

/**
 * The cookie that tells that a browser's session holds flash attributes, so that a
 * request without it never reads its session for them. It has the session cookie's name
 * with {@value #SUFFIX} appended (so a {@code __Host-} or {@code __Secure-} prefix still
 * applies) and the session cookie's {@code Path}, {@code Domain}, {@code Secure} and
 * {@code SameSite}; it is always {@code HttpOnly}.
 */
final class FlashMarkerCookie {

	static final String SUFFIX = "-flash";

	private static final String VALUE = "1";

	private final SessionCookieSettings settings;

	private final String name;

	FlashMarkerCookie(SessionCookieSettings settings) {
		this.settings = settings;
		this.name = settings.name() + SUFFIX;
	}

	String name() {
		return this.name;
	}

	boolean isPresent(HttpServletRequest request) {
		return ServletSessionCookie.firstValue(request, this.name) != null;
	}

	void write(HttpServletRequest request, HttpServletResponse response, Duration maxAge) {
		send(request, response, VALUE, maxAge);
	}

	void expire(HttpServletRequest request, HttpServletResponse response) {
		send(request, response, "", Duration.ZERO);
	}

	private void send(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
		ServletSessionCookie.add(response,
				this.settings.cookie(this.name, value, request.isSecure()).httpOnly(true).maxAge(maxAge).build());
	}

}
