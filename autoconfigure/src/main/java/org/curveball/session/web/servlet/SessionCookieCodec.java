package org.curveball.session.web.servlet;

import java.time.Duration;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.curveball.session.SessionIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Reads the session id from a request's cookie and writes the cookie of a response, in
 * Curveball's form: the id percent-encoded as JavaScript's {@code encodeURIComponent}
 * does.
 * <p>
 * Reading takes the first cookie of the name, decodes it only where it holds a {@code %}
 * (a {@code +} stays a {@code +}) and returns it only if it has the form of a session id,
 * so that no value a client makes up ever reaches the store.
 */
public final class SessionCookieCodec {

	private static final int MAX_ENCODED_LENGTH = 3 * SessionIds.LENGTH;

	private final SessionCookieSettings settings;

	private final List<SessionCookieCustomizer> customizers;

	/**
	 * Create a codec.
	 * @param settings the cookie's attributes
	 * @param customizers applied, in order, to every cookie sent
	 */
	public SessionCookieCodec(SessionCookieSettings settings, List<SessionCookieCustomizer> customizers) {
		this.settings = settings;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Return the session id that a request's cookie holds.
	 * @param request the request
	 * @return the id, or {@code null} if there is no cookie or it cannot be an id
	 */
	public @Nullable String readId(HttpServletRequest request) {
		String value = firstValue(request, this.settings.name());
		if (value == null || value.length() > MAX_ENCODED_LENGTH) {
			return null;
		}
		String id = (value.indexOf('%') >= 0) ? percentDecode(value) : value;
		return SessionIds.isWellFormed(id) ? id : null;
	}

	/**
	 * Return whether a request carries the session cookie at all, well-formed or not.
	 * @param request the request
	 * @return {@code true} if the cookie is present
	 */
	public boolean isPresent(HttpServletRequest request) {
		return firstValue(request, this.settings.name()) != null;
	}

	/**
	 * Add a cookie that holds a session id.
	 * @param request the request, whose scheme decides {@code Secure} by default
	 * @param response the response
	 * @param id the session id
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, String id) {
		send(request, response, encode(id), this.settings.maxAge());
	}

	/**
	 * Add a cookie that makes the client forget its session cookie.
	 * @param request the request, whose scheme decides {@code Secure} by default
	 * @param response the response
	 */
	public void expire(HttpServletRequest request, HttpServletResponse response) {
		send(request, response, "", Duration.ZERO);
	}

	/**
	 * Return whether the cookie has a {@code Max-Age}, so that it must be sent again to
	 * keep a session's cookie alive while it is used.
	 * @return {@code true} if a {@code Max-Age} is configured
	 */
	public boolean isRenewable() {
		return this.settings.maxAge() != null;
	}

	/**
	 * Return the attributes of the cookie this codec writes.
	 * @return the settings
	 */
	public SessionCookieSettings settings() {
		return this.settings;
	}

	private void send(HttpServletRequest request, HttpServletResponse response, String value,
			@Nullable Duration maxAge) {
		ResponseCookie.ResponseCookieBuilder cookie = cookie(this.settings, this.settings.name(), value, request);
		if (maxAge != null) {
			cookie.maxAge(maxAge);
		}
		this.customizers.forEach((customizer) -> customizer.customize(cookie));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
	}

	/**
	 * Start a cookie with the session cookie's {@code Path}, {@code Domain},
	 * {@code Secure}, {@code HttpOnly} and {@code SameSite}.
	 */
	static ResponseCookie.ResponseCookieBuilder cookie(SessionCookieSettings settings, String name, String value,
			HttpServletRequest request) {
		Boolean secure = settings.secure();
		return ResponseCookie.from(name, value)
			.path(settings.path())
			.domain(settings.domain())
			.secure((secure != null) ? secure : request.isSecure())
			.httpOnly(settings.httpOnly())
			.sameSite(settings.sameSite());
	}

	/**
	 * Return the value of the first cookie of a name, read from the {@code Cookie}
	 * headers as sent, without the container's decoding.
	 */
	static @Nullable String firstValue(HttpServletRequest request, String name) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.COOKIE);
		if (headers == null) {
			return null;
		}
		while (headers.hasMoreElements()) {
			for (String pair : headers.nextElement().split(";")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
					return pair.substring(equals + 1).trim();
				}
			}
		}
		return null;
	}

	static String encode(String id) {
		return id.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
	}

	static @Nullable String percentDecode(String value) {
		StringBuilder decoded = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '%') {
				decoded.append(c);
				continue;
			}
			if (i + 2 >= value.length()) {
				return null;
			}
			int high = Character.digit(value.charAt(i + 1), 16);
			int low = Character.digit(value.charAt(i + 2), 16);
			if (high < 0 || low < 0 || high > 7) {
				return null;
			}
			decoded.append((char) (high * 16 + low));
			i += 2;
		}
		return decoded.toString();
	}

}
