package org.curveball.session.sample.testing;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code Set-Cookie} header of a response, as sent.
 *
 * @param header the header's value
 */
public record SetCookie(String header) {

	/**
	 * Return every {@code Set-Cookie} header of a response.
	 * @param response the response
	 * @return the headers, in order
	 */
	public static List<String> all(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie");
	}

	/**
	 * Return the response's only {@code Set-Cookie} header, failing if there is not
	 * exactly one.
	 * @param response the response
	 * @return the header
	 */
	public static SetCookie only(HttpResponse<?> response) {
		assertThat(all(response)).as("Set-Cookie headers").hasSize(1);
		return new SetCookie(all(response).get(0));
	}

	/**
	 * Return the response's only {@code Set-Cookie} header for a cookie, failing if there
	 * is not exactly one.
	 * @param response the response
	 * @param name the cookie's name
	 * @return the header
	 */
	public static SetCookie named(HttpResponse<?> response, String name) {
		List<SetCookie> named = all(response).stream()
			.map(SetCookie::new)
			.filter((cookie) -> cookie.name().equals(name))
			.toList();
		assertThat(named).as("Set-Cookie headers of " + name).hasSize(1);
		return named.get(0);
	}

	/**
	 * Return the cookie's {@code name=value}, to send it back.
	 * @return the cookie as a {@code Cookie} header holds it
	 */
	public String pair() {
		int end = this.header.indexOf(';');
		return (end >= 0) ? this.header.substring(0, end) : this.header;
	}

	public String name() {
		return pair().substring(0, pair().indexOf('='));
	}

	public String value() {
		return pair().substring(pair().indexOf('=') + 1);
	}

	/**
	 * Return the session id the cookie holds, decoding it as JavaScript's
	 * {@code decodeURIComponent} does.
	 * @return the session id
	 */
	public String sessionId() {
		assertThat(value()).as("an encodeURIComponent value never holds a raw +").doesNotContain("+");
		return URLDecoder.decode(value(), StandardCharsets.UTF_8);
	}

	/**
	 * Encode a value as JavaScript's {@code encodeURIComponent} does, for the characters
	 * of a Base64 session id.
	 * @param id the session id
	 * @return the encoded value
	 */
	public static String encodeURIComponent(String id) {
		return id.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
	}

	@Override
	public String toString() {
		return this.header;
	}

}
