package org.curveball.session.sample.testing;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * {@code Cookie} headers whose session cookie cannot hold a session id, each built around
 * the id of a session that exists, for parameterized tests that check such a cookie costs
 * no Redis command and finds no session.
 */
public final class MalformedCookies {

	private MalformedCookies() {
	}

	/**
	 * Return {@code Cookie} headers of the {@code CB} cookie that are near misses of a
	 * session's id, with no control character.
	 * @param id the id of a session that exists, with a {@code +}, a {@code /} and an
	 * {@code a} and a {@code c} in it
	 * @return each header, named for what is wrong with it
	 */
	public static Stream<Arguments> thatCannotBeAnId(String id) {
		String encoded = SetCookie.encodeURIComponent(id);
		return Stream.of(Arguments.argumentSet("empty", "CB="), Arguments.argumentSet("without =", "CB"),
				Arguments.argumentSet("one character short", "CB=" + encoded.substring(1)),
				Arguments.argumentSet("one character long", "CB=A" + encoded),
				Arguments.argumentSet("URL-safe Base64", "CB=" + id.replace('+', '-').replace('/', '_')),
				Arguments.argumentSet("not Base64", "CB=" + encoded.replace('a', '*')),
				Arguments.argumentSet("a space inside", "CB=" + encoded.replace('c', ' ')),
				Arguments.argumentSet("a tab inside", "CB=" + encoded.replace('c', '\t')),
				Arguments.argumentSet("non-ASCII", "CB=" + encoded.replace('a', 'é')),
				Arguments.argumentSet("%ZZ", "CB=" + encoded.replaceFirst("%2B", "%ZZ")),
				Arguments.argumentSet("%2 at the end", "CB=" + encoded.substring(0, encoded.length() - 3) + "%2"),
				Arguments.argumentSet("percent-encoded non-ASCII", "CB=" + encoded.replace("a", "%C3%A9")),
				Arguments.argumentSet("percent-encoded twice", "CB=" + encoded.replace("%", "%25")),
				Arguments.argumentSet("8 KB long", "CB=" + "A".repeat(8192)),
				Arguments.argumentSet("8 KB of percent-encodings", "CB=" + "%2B".repeat(2731)),
				Arguments.argumentSet("quoted", "CB=\"" + encoded + "\""),
				Arguments.argumentSet("quoted raw", "CB=\"" + id + "\""),
				Arguments.argumentSet("twice, the first bad", "CB=%ZZ; CB=" + encoded),
				Arguments.argumentSet("twice, the first empty", "CB=; CB=" + encoded));
	}

	/**
	 * Return {@code Cookie} headers of the {@code CB} cookie with a control character
	 * other than a tab, which a server may refuse before any application code runs.
	 * @param id the id of a session that exists, with a {@code c} in it
	 * @return each header, named for its control character
	 */
	public static Stream<Arguments> withControlCharacters(String id) {
		String encoded = SetCookie.encodeURIComponent(id);
		return Stream.of(Arguments.argumentSet("NUL", "CB=" + encoded.replace('c', '\u0000')),
				Arguments.argumentSet("SOH", "CB=" + encoded.replace('c', '\u0001')),
				Arguments.argumentSet("ESC", "CB=" + encoded.replace('c', '\u001b')),
				Arguments.argumentSet("DEL", "CB=" + encoded.replace('c', '\u007f')),
				Arguments.argumentSet("control character after the value", "CB=" + encoded + "\u0001"));
	}

}
