package org.curveball.session.sample;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.testing.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a user is signed in, in two headless Chromium profiles, as two people (or one
 * person on two devices) use the sample: each signs in on another instance, the account
 * page lists both sessions, and the second signs the first out, which the first sees on
 * its next page. Every page is saved as a screenshot under
 * {@code target/browser-screenshots/}.
 */
class SampleApplicationUserSessionsBrowserTests {

	@RegisterExtension
	@Order(1)
	static final BrowserExtension laptop = new BrowserExtension();

	@RegisterExtension
	@Order(2)
	static final BrowserExtension phone = new BrowserExtension();

	@RegisterExtension
	@Order(3)
	static final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	@Order(4)
	static final TwoSampleInstances instances = new TwoSampleInstances(redis);

	@Test
	void accountPage_listsBothBrowsers_andOneSignsTheOtherOut() {
		laptop.open(instances.first().url("/account"));
		AbstractSampleBrowserTests.signInAsAda(laptop);
		assertThat(laptop.text("signed-in-count")).isEqualTo("1");
		assertThat(laptop.text("signed-in-sessions")).contains("this browser");
		laptop.screenshot("laptop-signed-in");
		phone.open(instances.second().url("/account"));
		AbstractSampleBrowserTests.signInAsAda(phone);
		assertThat(phone.text("signed-in-count")).isEqualTo("2");
		phone.screenshot("phone-signed-in-lists-both");
		laptop.reload();
		assertThat(laptop.text("signed-in-count")).isEqualTo("2");
		laptop.screenshot("laptop-lists-both");
		phone.click("sign-out-others");
		assertThat(phone.text("notice")).startsWith("Signed out 1 other session");
		assertThat(phone.text("signed-in-count")).isEqualTo("1");
		phone.screenshot("phone-signed-out-the-laptop");
		laptop.reload();
		assertThat(laptop.currentUrl()).endsWith("/login");
		laptop.screenshot("laptop-signed-out");
		laptop.open(instances.second().url("/account"));
		assertThat(laptop.currentUrl()).endsWith("/login");
	}

}
