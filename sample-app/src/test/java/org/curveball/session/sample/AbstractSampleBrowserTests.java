package org.curveball.session.sample;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

import org.curveball.session.testing.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that use the sample in a real browser, as a person does: two
 * instances of the sample on one Redis server, as behind a load balancer, and a headless
 * Chromium that starts each test without cookies. Both instances answer on
 * {@code localhost}, so the browser sends the same session cookie to each.
 * <p>
 * The browser starts first, so that a class without Chromium starts nothing, then the
 * Redis server, then the instances; they stop in the other order.
 */
abstract class AbstractSampleBrowserTests {

	@RegisterExtension
	@Order(1)
	static final BrowserExtension browser = new BrowserExtension();

	@RegisterExtension
	@Order(2)
	static final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	@Order(3)
	static final TwoSampleInstances instances = new TwoSampleInstances(redis);

	static RunningSample first() {
		return instances.first();
	}

	static RunningSample second() {
		return instances.second();
	}

	/**
	 * Sign in as the sample's user on the sign-in page shown.
	 */
	static void signInAsAda() {
		signInAsAda(browser);
	}

	/**
	 * Sign in as the sample's user on the sign-in page a browser shows.
	 * @param browser the browser
	 */
	static void signInAsAda(BrowserExtension browser) {
		assertThat(browser.currentUrl()).as("the page shown").endsWith("/login");
		browser.type("username", "ada");
		browser.type("password", "lovelace");
		browser.click("sign-in");
	}

	/**
	 * Return the fingerprint of the session whose id the browser's cookie holds, as the
	 * pages show it.
	 * @return the fingerprint
	 */
	static String cookieFingerprint() {
		return SessionFingerprint.of(cookieId());
	}

	/**
	 * Return the session id that the browser's cookie holds.
	 * @return the id
	 */
	static String cookieId() {
		Cookie cookie = browser.cookie("CB");
		assertThat(cookie).as("the session cookie").isNotNull();
		return URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
	}

}
