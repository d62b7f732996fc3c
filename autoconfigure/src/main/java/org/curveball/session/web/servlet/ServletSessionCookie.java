package org.curveball.session.web.servlet;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.curveball.session.core.SessionCommit;
import org.curveball.session.web.CookieHeaders;
import org.curveball.session.web.SessionCookieCodec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The session cookie of servlet requests and responses, through the stack-neutral
 * {@link SessionCookieCodec}.
 */
final class ServletSessionCookie {

	private final SessionCookieCodec codec;

	ServletSessionCookie(SessionCookieCodec codec) {
		this.codec = codec;
	}

	/**
	 * Return the session id that a request's cookie holds.
	 * @param request the request
	 * @return the id, or {@code null} if there is no cookie or it cannot be an id
	 */
	@Nullable String readId(HttpServletRequest request) {
		return this.codec.idOf(firstValue(request, this.codec.settings().name()));
	}

	/**
	 * Return whether a request carries the session cookie at all, well-formed or not.
	 * @param request the request
	 * @return {@code true} if the cookie is present
	 */
	boolean isPresent(HttpServletRequest request) {
		return firstValue(request, this.codec.settings().name()) != null;
	}

	void write(HttpServletRequest request, HttpServletResponse response, String id) {
		add(response, this.codec.cookie(id, request.isSecure()));
	}

	void expire(HttpServletRequest request, HttpServletResponse response) {
		add(response, this.codec.expiredCookie(request.isSecure()));
	}

	boolean needsCookie(SessionCommit commit, HttpServletRequest request) {
		return this.codec.needsCookie(commit, isPresent(request));
	}

	static void add(HttpServletResponse response, ResponseCookie cookie) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	static @Nullable String firstValue(HttpServletRequest request, String name) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.COOKIE);
		return (headers != null) ? CookieHeaders.firstValue(headers.asIterator(), name) : null;
	}

}
