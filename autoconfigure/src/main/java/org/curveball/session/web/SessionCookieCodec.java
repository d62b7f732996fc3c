package org.curveball.session.web;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.curveball.session.SessionIds;
import org.curveball.session.core.SessionCommit;
import org.springframework.http.ResponseCookie;

/**
 * Reads the session id from a request's cookie and makes the cookie of a response, in
 * Curveball's form: the id percent-encoded as JavaScript's {@code encodeURIComponent}
 * does. It works on header values, so that every web stack shares it.
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
	 * @param cookieHeaders the values of the request's {@code Cookie} headers, in order
	 * @return the id, or {@code null} if there is no cookie or it cannot be an id
	 */
	public @Nullable String readId(Iterator<String> cookieHeaders) {
		return idOf(CookieHeaders.firstValue(cookieHeaders, this.settings.name()));
	}

	/**
	 * Return the session id that a session cookie's value holds.
	 * @param value the cookie's value as sent, or {@code null} for no cookie
	 * @return the id, or {@code null} if there is no value or it cannot be an id
	 */
	public @Nullable String idOf(@Nullable String value) {
		if (value == null || value.length() > MAX_ENCODED_LENGTH) {
			return null;
		}
		String id = (value.indexOf('%') >= 0) ? percentDecode(value) : value;
		return SessionIds.isWellFormed(id) ? id : null;
	}

	/**
	 * Return the cookie that holds a session id.
	 * @param id the session id
	 * @param secureRequest whether the request came over HTTPS, which decides
	 * {@code Secure} unless the settings do
	 * @return the cookie
	 */
	public ResponseCookie cookie(String id, boolean secureRequest) {
		return customized(this.settings.cookie(this.settings.name(), encode(id), secureRequest),
				this.settings.maxAge());
	}

	/**
	 * Return the cookie that makes the client forget its session cookie.
	 * @param secureRequest whether the request came over HTTPS
	 * @return the cookie, empty and with {@code Max-Age=0}
	 */
	public ResponseCookie expiredCookie(boolean secureRequest) {
		return customized(this.settings.cookie(this.settings.name(), "", secureRequest), Duration.ZERO);
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
	 * Return whether the response to a request needs a cookie after its session was
	 * saved: when the session was stored under a new id, when it ended and the request
	 * carried a cookie, or when it was kept and the cookie has a {@code Max-Age} to
	 * renew.
	 * @param commit what saving the session did
	 * @param cookiePresent whether the request carried the session cookie
	 * @return {@code true} if the response needs a cookie: the session's if it has an id,
	 * else the {@link #expiredCookie expired} one
	 */
	public boolean needsCookie(SessionCommit commit, boolean cookiePresent) {
		return switch (commit.outcome()) {
			case CREATED -> true;
			case ENDED -> cookiePresent;
			case KEPT -> isRenewable();
			case NONE -> false;
		};
	}

	/**
	 * Return the attributes of the cookie this codec makes.
	 * @return the settings
	 */
	public SessionCookieSettings settings() {
		return this.settings;
	}

	private ResponseCookie customized(ResponseCookie.ResponseCookieBuilder cookie, @Nullable Duration maxAge) {
		if (maxAge != null) {
			cookie.maxAge(maxAge);
		}
		this.customizers.forEach((customizer) -> customizer.customize(cookie));
		return cookie.build();
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
