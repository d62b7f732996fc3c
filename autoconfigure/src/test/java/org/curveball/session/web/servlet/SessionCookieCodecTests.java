package org.curveball.session.web.servlet;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curveball.session.web.servlet.SessionCookies.encodeURIComponent;
import static org.curveball.session.web.servlet.SessionCookies.newId;
import static org.curveball.session.web.servlet.SessionCookies.readId;
import static org.curveball.session.web.servlet.SessionCookies.request;

/**
 * Tests for {@link SessionCookieCodec}: which cookie values are read as a session id, and
 * the cookie that is written.
 */
class SessionCookieCodecTests {

	private static final String ID = "ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/abc=";

	private static final String ENCODED_ID = "ab%2B%2FcdEFghIJklMNopQRstUVwxYZ0123456789%2B%2Fabc%3D";

	@Test
	void readId_noCookieHeader_returnsNull() {
		assertThat(readId()).isNull();
	}

	@Test
	void readId_idEncodedAsCurveballDoes_returnsId() {
		assertThat(encodeURIComponent(ID)).isEqualTo(ENCODED_ID);
		assertThat(readId("CB=" + ENCODED_ID)).isEqualTo(ID);
	}

	@Test
	void readId_idNotEncoded_returnsIdWithPlusKept() {
		assertThat(readId("CB=" + ID)).isEqualTo(ID);
	}

	@Test
	void readId_idEncodedWithLowerCaseHex_returnsId() {
		assertThat(readId("CB=" + ENCODED_ID.replace("%2B", "%2b").replace("%3D", "%3d"))).isEqualTo(ID);
	}

	@Test
	void readId_partlyEncodedId_returnsId() {
		assertThat(readId("CB=" + ID.replace("=", "%3D"))).isEqualTo(ID);
	}

	@Test
	void readId_plusEncodedAsSpace_returnsNull() {
		assertThat(readId("CB=" + ID.replace('+', ' '))).isNull();
	}

	@Test
	void readId_amongOtherCookies_returnsId() {
		assertThat(readId("theme=dark; CB=" + ENCODED_ID + "; lang=en")).isEqualTo(ID);
	}

	@Test
	void readId_spacesAroundPair_returnsId() {
		assertThat(readId("theme=dark;CB=" + ENCODED_ID + " ;lang=en")).isEqualTo(ID);
	}

	@Test
	void readId_duplicateCookieInOneHeader_firstWins() {
		String other = newId();
		assertThat(readId("CB=" + ENCODED_ID + "; CB=" + encodeURIComponent(other))).isEqualTo(ID);
	}

	@Test
	void readId_duplicateCookieInTwoHeaders_firstWins() {
		assertThat(readId("CB=" + ENCODED_ID, "CB=" + encodeURIComponent(newId()))).isEqualTo(ID);
	}

	@Test
	void readId_firstOfDuplicatesMalformed_returnsNull() {
		assertThat(readId("CB=garbage; CB=" + ENCODED_ID)).isNull();
	}

	@Test
	void readId_cookieWithSimilarName_isIgnored() {
		assertThat(readId("XCB=" + ENCODED_ID + "; CBX=" + ENCODED_ID + "; cb=" + ENCODED_ID)).isNull();
	}

	@Test
	void readId_configuredName_readsThatCookie() {
		SessionCookieCodec codec = new SessionCookieCodec(
				new SessionCookieSettings("MY_SESSION", "/", null, null, true, "Lax", null), List.of());
		assertThat(codec.readId(request("CB=" + encodeURIComponent(newId()) + "; MY_SESSION=" + ENCODED_ID)))
			.isEqualTo(ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\"" + ENCODED_ID + "\"", "\"" + ID + "\"", ID + "A", "A" + ENCODED_ID,
			"ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/abc", "ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/ab==",
			"ab-_cdEFghIJklMNopQRstUVwxYZ0123456789-_abc=", "ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/ab%", "%", "%2",
			"%zz" + ENCODED_ID, "ab%2B%2FcdEFghIJklMNopQRstUVwxYZ0123456789%2B%2Fabc%3", "%C3%A9" + ID, "%00" + ID,
			"ab+/cd\tFghIJklMNopQRstUVwxYZ0123456789+/abc=", "ab+/cd\u0000FghIJklMNopQRstUVwxYZ0123456789+/abc=",
			"ab+/cd%09FghIJklMNopQRstUVwxYZ0123456789+/abc=", "ab+/cdÉFghIJklMNopQRstUVwxYZ0123456789+/abc=" })
	void readId_valueThatIsNotAnId_returnsNull(String value) {
		assertThat(readId("CB=" + value)).isNull();
	}

	@Test
	void readId_8KbValue_returnsNull() {
		assertThat(readId("CB=" + ENCODED_ID.repeat(8192 / ENCODED_ID.length() + 1))).isNull();
	}

	@Test
	void isPresent_malformedCookie_returnsTrue() {
		assertThat(SessionCookies.defaultCodec().isPresent(request("CB=garbage"))).isTrue();
	}

	@Test
	void isPresent_noSessionCookie_returnsFalse() {
		assertThat(SessionCookies.defaultCodec().isPresent(request("theme=dark"))).isFalse();
	}

	@Test
	void write_defaults_sendsCurveballCookie() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		SessionCookies.defaultCodec().write(new MockHttpServletRequest(), response, ID);
		assertThat(response.getHeader(HttpHeaders.SET_COOKIE))
			.isEqualTo("CB=" + ENCODED_ID + "; Path=/; HttpOnly; SameSite=Lax");
	}

	@Test
	void write_secureRequest_addsSecure() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		SessionCookies.defaultCodec().write(request, response, ID);
		assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).contains("; Secure");
	}

	@Test
	void write_thenRead_returnsSameId() {
		String id = newId();
		MockHttpServletResponse response = new MockHttpServletResponse();
		SessionCookies.defaultCodec().write(new MockHttpServletRequest(), response, id);
		String pair = response.getHeader(HttpHeaders.SET_COOKIE).split(";")[0];
		assertThat(readId(pair)).isEqualTo(id);
	}

	@Test
	void write_customizedAndMaxAge_sendsThem() {
		SessionCookieCodec codec = new SessionCookieCodec(
				new SessionCookieSettings("CB", "/app", "example.com", true, true, "Strict", Duration.ofHours(2)),
				List.of((cookie) -> cookie.partitioned(true)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		codec.write(new MockHttpServletRequest(), response, ID);
		assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).startsWith("CB=" + ENCODED_ID + "; Path=/app")
			.contains("; Domain=example.com", "; Max-Age=7200", "; Secure", "; HttpOnly", "; SameSite=Strict",
					"; Partitioned");
	}

	@Test
	void expire_sendsEmptyCookieWithMaxAgeZero() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		SessionCookies.defaultCodec().expire(new MockHttpServletRequest(), response);
		assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).startsWith("CB=; Path=/; Max-Age=0;");
	}

}
