package org.curveball.session.webfluxsample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.sample.testing.SignIns;
import org.curveball.session.testing.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Security WebFlux on two instances of the WebFlux sample that share one Redis, as
 * behind a load balancer: a sign-in on one instance holds on the other, the session id
 * changes at sign-in, a sign-out on either ends it on both, the account page lists the
 * user's sign-ins on both and signs them all out, and Spring's CSRF token (kept in the
 * session) is accepted wherever it is sent.
 */
class WebFluxSampleApplicationSharedLoginTests {

	@RegisterExtension
	@Order(1)
	static final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	@Order(2)
	static final WebFluxSampleInstances instances = new WebFluxSampleInstances(redis, 2);

	@Test
	void signIn_onOneInstance_holdsOnTheOtherWithANewSessionId() {
		// Security saves the page asked for only when a browser asks for HTML
		HttpResponse<String> protectedPage = first().get("/account").header("Accept", "text/html").send();
		assertThat(SignIns.redirectsToSignIn(protectedPage)).as(protectedPage::toString).isTrue();
		SetCookie askedForAccount = SetCookie.only(protectedPage);
		HttpResponse<String> signInPage = first().get("/login").cookie(askedForAccount.pair()).send();
		String token = SignIns.csrfToken(signInPage);
		// Security moves the session to a new id when it saves a CSRF token
		SetCookie beforeSignIn = SetCookie.all(signInPage).isEmpty() ? askedForAccount
				: SetCookie.named(signInPage, SignIns.SESSION_COOKIE);
		HttpResponse<String> signedIn = second().postForm("/login", signInForm(token))
			.cookie(beforeSignIn.pair())
			.send();
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/account"));
		SetCookie afterSignIn = SetCookie.named(signedIn, SignIns.SESSION_COOKIE);
		assertThat(afterSignIn.sessionId()).as("session id after sign-in").isNotEqualTo(beforeSignIn.sessionId());
		assertThat(redis.commands()
			.exists("session-" + beforeSignIn.sessionId(), "session-" + askedForAccount.sessionId())).isZero();
		assertThat(redis.commands().get("session-" + afterSignIn.sessionId())).contains("SPRING_SECURITY_CONTEXT");
		HttpResponse<String> account = SignIns.account(first(), afterSignIn);
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Signed in as <span id=\"user\">ada</span>");
	}

	@Test
	void signOut_onOneInstance_endsTheSessionOnTheOther() {
		SetCookie session = SignIns.signIn(first(), first(), "Browser A");
		String token = SignIns.csrfToken(SignIns.account(first(), session));
		HttpResponse<String> signedOut = second().postForm("/account/logout", Map.of("_csrf", token))
			.cookie(session.pair())
			.send();
		assertThat(signedOut.statusCode()).as(signedOut::body).isEqualTo(302);
		assertThat(redis.commands().exists("session-" + session.sessionId())).isZero();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(first(), session))).isTrue();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(second(), session))).isTrue();
	}

	@Test
	void accountPage_listsTheSignInsOnBothInstances_andASignOutTakesItsOwnOut() {
		SetCookie a = SignIns.signIn(first(), first(), "Browser A");
		SetCookie b = SignIns.signIn(second(), second(), "Browser B");
		String listed = SignIns.account(first(), b).body();
		assertThat(listed).containsSubsequence("Browser A", "Browser B", "(this session)");
		assertThat(listed).doesNotContain(a.sessionId()).doesNotContain(b.sessionId());
		String token = SignIns.csrfToken(SignIns.account(first(), a));
		second().postForm("/account/logout", Map.of("_csrf", token)).cookie(a.pair()).send();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(SignIns.account(second(), b).body()).doesNotContain("Browser A"));
	}

	@Test
	void signOutEverywhere_onOneInstance_endsEverySessionOfTheUser() {
		SetCookie a = SignIns.signIn(first(), first(), "Browser A");
		SetCookie b = SignIns.signIn(second(), second(), "Browser B");
		String token = SignIns.csrfToken(SignIns.account(first(), a));
		HttpResponse<String> signedOut = first()
			.postForm("/account/sessions/sign-out-everywhere", Map.of("_csrf", token))
			.cookie(a.pair())
			.send();
		assertThat(signedOut.statusCode()).as(signedOut::body).isEqualTo(303);
		assertThat(redis.commands().exists("session-" + a.sessionId(), "session-" + b.sessionId())).isZero();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(second(), a))).isTrue();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(first(), b))).isTrue();
	}

	@Test
	void csrfToken_ofOneInstance_isAcceptedByTheOther() {
		SetCookie session = SignIns.signIn(second(), first(), "Browser B");
		String token = SignIns.csrfToken(SignIns.account(second(), session));
		HttpResponse<String> signedOut = first().postForm("/account/logout", Map.of("_csrf", token))
			.cookie(session.pair())
			.send();
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/?signed-out"));
	}

	@Test
	void signIn_withTheCsrfTokenOfAnotherSession_isRefused() {
		SetCookie session = SetCookie.only(first().get("/login").send());
		String attackersToken = SignIns.csrfToken(second().get("/login").send());
		HttpResponse<String> refused = second().postForm("/login", signInForm(attackersToken))
			.cookie(session.pair())
			.send();
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(redis.commands().get("session-" + session.sessionId())).doesNotContain("SPRING_SECURITY_CONTEXT");
	}

	private static Map<String, String> signInForm(String csrfToken) {
		return Map.of("username", "ada", "password", SignIns.PASSWORD, "_csrf", csrfToken);
	}

	private static SampleClient first() {
		return instances.http(0);
	}

	private static SampleClient second() {
		return instances.http(1);
	}

}
