package org.curveball.session.web;

import java.util.Iterator;

import org.jspecify.annotations.Nullable;

/**
 * Reads cookies from {@code Cookie} request headers as the client sent them, without the
 * decoding of a web server or framework, which differs between stacks and turns a
 * {@code +} into a space in some.
 */
public final class CookieHeaders {

	private CookieHeaders() {
	}

	/**
	 * Return the value of the first cookie of a name.
	 * @param headers the values of the request's {@code Cookie} headers, in order
	 * @param name the cookie's name
	 * @return the value as sent, trimmed, or {@code null} if no cookie has the name
	 */
	public static @Nullable String firstValue(Iterator<String> headers, String name) {
		while (headers.hasNext()) {
			String value = firstValue(headers.next(), name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String firstValue(String header, String name) {
		int start = 0;
		while (start < header.length()) {
			int end = header.indexOf(';', start);
			if (end < 0) {
				end = header.length();
			}
			int equals = header.indexOf('=', start);
			if (equals > start && equals < end && isName(header, start, equals, name)) {
				return header.substring(equals + 1, end).trim();
			}
			start = end + 1;
		}
		return null;
	}

	private static boolean isName(String header, int start, int equals, String name) {
		int from = start;
		int to = equals;
		while (from < to && header.charAt(from) <= ' ') {
			from++;
		}
		while (to > from && header.charAt(to - 1) <= ' ') {
			to--;
		}
		return to - from == name.length() && header.startsWith(name, from);
	}

}
