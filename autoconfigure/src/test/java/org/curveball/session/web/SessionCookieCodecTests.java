package org.curveball.session.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionCookieCodec}: which cookie values are read as a session id, and
 * the cookie that is written.
 */
class SessionCookieCodecTests {

	private static final String ID = "ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/abc=";

	private static final String ENCODED_ID = "ab%2B%2FcdEFghIJklMNopQRstUVwxYZ0123456789%2B%2Fabc%3D";

	@Test
	void readId_noCookieHeader_returnsNull() {
		assertThat(SessionCookies.readId()).isNull();
	}

	@Test
	void readId_idEncodedAsCurveballDoes_returnsId() {
		assertThat(SessionCookies.encodeURIComponent(ID)).isEqualTo(ENCODED_ID);
		assertThat(SessionCookies.readId("CB=" + ENCODED_ID)).isEqualTo(ID);
	}

	@Test
	void readId_idNotEncoded_returnsIdWithPlusKept() {
		assertThat(SessionCookies.readId("CB=" + ID)).isEqualTo(ID);
	}

	@Test
	void readId_idEncodedWithLowerCaseHex_returnsId() {
		assertThat(SessionCookies.readId("CB=" + ENCODED_ID.replace("%2B", "%2b").replace("%3D", "%3d"))).isEqualTo(ID);
	}

	@Test
	void readId_partlyEncodedId_returnsId() {
		assertThat(SessionCookies.readId("CB=" + ID.replace("=", "%3D"))).isEqualTo(ID);
	}

	@Test
	void readId_plusEncodedAsSpace_returnsNull() {
		assertThat(SessionCookies.readId("CB=" + ID.replace('+', ' '))).isNull();
	}

	@Test
	void readId_amongOtherCookies_returnsId() {
		assertThat(SessionCookies.readId("theme=dark; CB=" + ENCODED_ID + "; lang=en")).isEqualTo(ID);
	}

	@Test
	void readId_spacesAroundPair_returnsId() {
		assertThat(SessionCookies.readId("theme=dark;CB=" + ENCODED_ID + " ;lang=en")).isEqualTo(ID);
	}

	@Test
	void readId_duplicateCookieInOneHeader_firstWins() {
		String other = SessionCookies.newId();
		assertThat(SessionCookies.readId("CB=" + ENCODED_ID + "; CB=" + SessionCookies.encodeURIComponent(other)))
			.isEqualTo(ID);
	}

	@Test
	void readId_duplicateCookieInTwoHeaders_firstWins() {
		assertThat(SessionCookies.readId("CB=" + ENCODED_ID,
				"CB=" + SessionCookies.encodeURIComponent(SessionCookies.newId())))
			.isEqualTo(ID);
	}

	@Test
	void readId_firstOfDuplicatesMalformed_returnsNull() {
		assertThat(SessionCookies.readId("CB=garbage; CB=" + ENCODED_ID)).isNull();
	}

	@Test
	void readId_cookieWithSimilarName_isIgnored() {
		assertThat(SessionCookies.readId("XCB=" + ENCODED_ID + "; CBX=" + ENCODED_ID + "; cb=" + ENCODED_ID)).isNull();
	}

	@Test
	void readId_configuredName_readsThatCookie() {
		SessionCookieCodec codec = new SessionCookieCodec(
				new SessionCookieSettings("MY_SESSION", "/", null, null, true, "Lax", null), List.of());
		assertThat(codec.readId(SessionCookies
			.headers("CB=" + SessionCookies.encodeURIComponent(SessionCookies.newId()) + "; MY_SESSION=" + ENCODED_ID)))
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
		assertThat(SessionCookies.readId("CB=" + value)).isNull();
	}

	@Test
	void readId_8KbValue_returnsNull() {
		assertThat(SessionCookies.readId("CB=" + ENCODED_ID.repeat(8192 / ENCODED_ID.length() + 1))).isNull();
	}

	@Test
	void cookie_defaults_isCurveballCookie() {
		assertThat(SessionCookies.defaultCodec().cookie(ID, false))
			.hasToString("CB=" + ENCODED_ID + "; Path=/; HttpOnly; SameSite=Lax");
	}

	@Test
	void cookie_secureRequest_addsSecure() {
		assertThat(SessionCookies.defaultCodec().cookie(ID, true).toString()).contains("; Secure");
	}

	@Test
	void cookie_thenRead_returnsSameId() {
		String id = SessionCookies.newId();
		String pair = SessionCookies.defaultCodec().cookie(id, false).toString().split(";")[0];
		assertThat(SessionCookies.readId(pair)).isEqualTo(id);
	}

	@Test
	void cookie_customizedAndMaxAge_hasThem() {
		SessionCookieCodec codec = new SessionCookieCodec(
				new SessionCookieSettings("CB", "/app", "example.com", true, true, "Strict", Duration.ofHours(2)),
				List.of((cookie) -> cookie.partitioned(true)));
		assertThat(codec.cookie(ID, false).toString()).startsWith("CB=" + ENCODED_ID + "; Path=/app")
			.contains("; Domain=example.com", "; Max-Age=7200", "; Secure", "; HttpOnly", "; SameSite=Strict",
					"; Partitioned");
	}

	@Test
	void expiredCookie_isEmptyWithMaxAgeZero() {
		assertThat(SessionCookies.defaultCodec().expiredCookie(false).toString()).startsWith("CB=; Path=/; Max-Age=0;");
	}

}
