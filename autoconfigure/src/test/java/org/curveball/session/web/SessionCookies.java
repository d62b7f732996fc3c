package org.curveball.session.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.curveball.session.SecureRandomSessionIdGenerator;

/**
 * Cookie values as clients send them, for the cookie codec's tests.
 */
public final class SessionCookies {

	private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private static final SecureRandomSessionIdGenerator ids = new SecureRandomSessionIdGenerator();

	private SessionCookies() {
	}

	public static SessionCookieCodec defaultCodec() {
		return new SessionCookieCodec(SessionCookieSettings.defaults(), List.of());
	}

	public static String newId() {
		return ids.generate();
	}

	/**
	 * Return the session id the default codec reads from a request with the given
	 * {@code Cookie} headers.
	 * @param cookieHeaders the headers' values, in order
	 * @return the id, or {@code null}
	 */
	public static @Nullable String readId(String... cookieHeaders) {
		return defaultCodec().readId(headers(cookieHeaders));
	}

	/**
	 * Return {@code Cookie} header values as a web stack hands them to the codec.
	 * @param cookieHeaders the headers' values, in order
	 * @return the values
	 */
	public static Iterator<String> headers(String... cookieHeaders) {
		return Arrays.asList(cookieHeaders).iterator();
	}

	/**
	 * Encode a value as JavaScript's {@code encodeURIComponent} does, which is how
	 * Curveball writes its cookie.
	 * @param value the value
	 * @return the encoded value
	 */
	public static String encodeURIComponent(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (UNRESERVED.indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX.toHexDigits(b));
			}
		}
		return encoded.toString();
	}

}
