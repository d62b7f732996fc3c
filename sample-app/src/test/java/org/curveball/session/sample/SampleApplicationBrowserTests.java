package org.curveball.session.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.testing.ExpectedWarnings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's pages in headless Chromium, used as a person uses them: the first visit,
 * the visit counter, a name, a new session id, the end of the session, a sign-in seen on
 * the other instance and a sign-out there, and a Redis that stops. Every page they show
 * is saved as a screenshot under {@code target/browser-screenshots/}.
 */
class SampleApplicationBrowserTests extends AbstractSampleBrowserTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@Test
	void firstVisit_homePageExplainsTheSampleAndCostsNoRedisCommand() {
		browser.open(first().url("/"));
		browser.screenshot("home-first-visit");
		assertThat(browser.text("instance")).endsWith(":" + first().port());
		assertThat(browser.has("no-session")).isTrue();
		assertThat(browser.text("session-commands")).isEqualTo("0");
		assertThat(browser.cookie("CB")).isNull();
		assertThat(redis.commands().dbsize()).isZero();
	}

	@Test
	void sessionPage_countsVisitsSavesANameAndHomeShowsWhatRedisHolds() {
		browser.open(first().url("/"));
		browser.clickLink("Session page");
		assertThat(browser.text("visits")).isEqualTo("1");
		assertThat(browser.text("name")).isEqualTo("stranger");
		assertThat(browser.text("session")).isEqualTo(cookieFingerprint());
		browser.screenshot("session-first-visit");
		browser.reload();
		assertThat(browser.text("visits")).isEqualTo("2");
		browser.type("name-field", "Ada <Lovelace>");
		browser.click("save-name");
		assertThat(browser.text("notice")).startsWith("Saved your name");
		assertThat(browser.text("name")).isEqualTo("Ada <Lovelace>");
		assertThat(browser.text("visits")).isEqualTo("3");
		browser.screenshot("session-name-saved");
		browser.open(second().url("/"));
		assertThat(browser.text("instance")).endsWith(":" + second().port());
		assertThat(browser.text("session")).isEqualTo(cookieFingerprint());
		assertThat(browser.text("session-commands")).isEqualTo("0");
		assertThat(browser.text("stored-key")).isEqualTo("session-••••••••");
		assertThat(Json.read(browser.text("stored-json")))
			.isEqualTo(Json.read(redis.commands().get("session-" + cookieId())));
		assertThat(Json.read(browser.text("stored-json")).path("name").asString()).isEqualTo("Ada <Lovelace>");
		assertThat(browser.text("idle-time-left")).matches("(59|60) min \\d+ s");
		browser.screenshot("home-with-session-on-second-instance");
	}

	@Test
	void changingTheId_andEndingTheSession_sayWhatTheyDidAndShowTheNewState() {
		browser.open(first().url("/session"));
		browser.type("name-field", "Ada");
		browser.click("save-name");
		String before = browser.text("session");
		browser.click("regenerate");
		String after = browser.text("session");
		assertThat(after).isNotEqualTo(before).isEqualTo(cookieFingerprint());
		assertThat(browser.text("notice")).contains("from id " + before + " to id " + after);
		assertThat(browser.text("name")).isEqualTo("Ada");
		browser.screenshot("session-id-changed");
		browser.click("end");
		String ended = after;
		assertThat(browser.text("notice")).startsWith("Ended session " + ended);
		assertThat(browser.text("session")).isNotEqualTo(ended).isEqualTo(cookieFingerprint());
		assertThat(browser.text("visits")).isEqualTo("1");
		assertThat(browser.text("name")).isEqualTo("stranger");
		assertThat(redis.commands().keys("session-*")).containsExactly("session-" + cookieId());
		browser.screenshot("session-ended");
	}

	@Test
	void signIn_isSeenOnTheOtherInstance_andSigningOutThereSignsOutBoth() {
		browser.open(first().url("/account"));
		assertThat(browser.currentUrl()).isEqualTo(first().url("/login"));
		String beforeSignIn = cookieFingerprint();
		browser.screenshot("sign-in");
		signInAsAda();
		assertThat(browser.currentUrl()).startsWith(first().url("/account"));
		assertThat(browser.text("user")).isEqualTo("ada");
		assertThat(browser.text("answered-by")).endsWith(":" + first().port());
		String signedIn = cookieFingerprint();
		assertThat(browser.text("notice")).startsWith("Signed in as ada")
			.contains("(" + beforeSignIn + " → " + signedIn + ")");
		browser.screenshot("account-first-instance");
		browser.open(second().url("/account"));
		assertThat(browser.text("user")).isEqualTo("ada");
		assertThat(browser.text("answered-by")).endsWith(":" + second().port());
		assertThat(browser.text("session")).isEqualTo(signedIn);
		browser.screenshot("account-second-instance");
		browser.click("sign-out");
		assertThat(browser.currentUrl()).startsWith(second().url("/"));
		assertThat(browser.text("notice")).startsWith("You signed out");
		assertThat(browser.has("no-session")).isTrue();
		browser.screenshot("signed-out-on-second-instance");
		browser.open(first().url("/account"));
		assertThat(browser.currentUrl()).isEqualTo(first().url("/login"));
	}

	@Test
	void sessionCookie_isInvisibleToTheScriptsOfThePage() {
		browser.open(first().url("/session"));
		Cookie cookie = browser.cookie("CB");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(browser.documentCookie()).doesNotContain("CB=").doesNotContain(cookie.getValue());
	}

	@Test
	void redisStopped_pageThatNeedsTheSessionIsA503PageAndTheHomePageStillAnswers() {
		browser.open(first().url("/session"));
		redis.stop();
		browser.reload();
		assertThat(browser.text("session-unavailable")).startsWith("This page needs your session");
		browser.screenshot("session-page-redis-stopped");
		browser.open(second().url("/"));
		assertThat(browser.text("redis-unavailable")).startsWith("Redis does not answer");
		browser.screenshot("home-redis-stopped");
		redis.start();
		browser.open(first().url("/session"));
		assertThat(browser.text("visits")).as("visits in a new session: Redis lost its data").isEqualTo("1");
	}

}
