package org.curveball.session.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CookieHeaders}: which cookie value is found in {@code Cookie} headers.
 */
class CookieHeadersTests {

	@Test
	void firstValue_malformedSessionCookie_isFoundAsSent() {
		assertThat(CookieHeaders.firstValue(SessionCookies.headers("CB=garbage"), "CB")).isEqualTo("garbage");
	}

	@Test
	void firstValue_noCookieOfTheName_returnsNull() {
		assertThat(CookieHeaders.firstValue(SessionCookies.headers("theme=dark", "CBX=1; XCB=2"), "CB")).isNull();
	}

	@Test
	void firstValue_emptyValue_returnsEmpty() {
		assertThat(CookieHeaders.firstValue(SessionCookies.headers("CB=; theme=dark"), "CB")).isEmpty();
	}

	@Test
	void firstValue_valueHoldsEquals_keepsIt() {
		assertThat(CookieHeaders.firstValue(SessionCookies.headers("theme=a=b; CB=x==; lang=en"), "CB"))
			.isEqualTo("x==");
	}

	@Test
	void firstValue_pairWithoutEquals_isSkipped() {
		assertThat(CookieHeaders.firstValue(SessionCookies.headers("CB; CB=1"), "CB")).isEqualTo("1");
	}

	@Test
	void firstValue_whitespaceAroundNameAndValue_isTrimmed() {
		assertThat(CookieHeaders.firstValue(SessionCookies.headers("theme=dark;\t CB = 1 ;lang=en"), "CB"))
			.isEqualTo("1");
	}

}
