package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.core.LazySession;
import org.curveball.session.sample.testing.RedisCommandCount;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on two instances of the sample that share one Redis, as behind a load
 * balancer: a sign-in on one instance holds on the other, the session id changes at
 * sign-in, a sign-out on either ends it on both, and Spring's CSRF token (kept in the
 * session) is accepted wherever it is sent.
 */
class SampleApplicationSharedLoginTests extends AbstractTwoSampleInstancesTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring session value");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Test
	void signIn_onOneInstance_holdsOnTheOtherWithANewSessionId() {
		HttpResponse<String> protectedPage = first().get("/account").send();
		assertThat(protectedPage.statusCode()).isEqualTo(302);
		assertThat(protectedPage.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		SetCookie beforeSignIn = SetCookie.only(protectedPage);
		String token = csrfToken(first().get("/login").cookie(beforeSignIn.pair()).send());
		HttpResponse<String> signedIn = second().postForm("/login", signInForm(token))
			.cookie(beforeSignIn.pair())
			.send();
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/account"));
		SetCookie afterSignIn = SetCookie.named(signedIn, "CB");
		assertThat(afterSignIn.sessionId()).as("session id after sign-in").isNotEqualTo(beforeSignIn.sessionId());
		assertThat(redis.commands().exists("session-" + beforeSignIn.sessionId())).isZero();
		assertThat(redis.commands().get("session-" + afterSignIn.sessionId())).contains("SPRING_SECURITY_CONTEXT");
		HttpResponse<String> account = first().get("/account").cookie(afterSignIn.pair()).send();
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Signed in as <span id=\"user\">ada</span>");
	}

	@Test
	void signOut_onOneInstance_endsTheSessionOnTheOther() {
		SetCookie session = signIn();
		String token = csrfToken(first().get("/account").cookie(session.pair()).send());
		HttpResponse<String> signedOut = second().postForm("/account/logout", Map.of("_csrf", token))
			.cookie(session.pair())
			.send();
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(redis.commands().exists("session-" + session.sessionId())).isZero();
		HttpResponse<String> account = first().get("/account").cookie(session.pair()).send();
		assertThat(account.statusCode()).isEqualTo(302);
		assertThat(account.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void signIn_withTheCsrfTokenOfAnotherSession_isRefused() {
		SetCookie session = SetCookie.only(first().get("/login").send());
		String attackersToken = csrfToken(second().get("/login").send());
		HttpResponse<String> forged = second().postForm("/login", signInForm(attackersToken))
			.cookie(session.pair())
			.send();
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(redis.commands().get("session-" + session.sessionId())).doesNotContain("SPRING_SECURITY_CONTEXT");
	}

	@Test
	void signedInPage_readsTheSessionOnceAndTheUsersSessionsAndWritesNothing() {
		SetCookie session = signIn();
		first().get("/account").cookie(session.pair()).send();
		RedisCommandCount commands = RedisCommandCount.start(redis);
		HttpResponse<String> account = second().get("/account").cookie(session.pair()).send();
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(SetCookie.all(account)).isEmpty();
		assertThat(commands.commandsSinceStart())
			.as("GETEX of the session, then the list of the user's sessions: "
					+ "a script that reads the time and the index, and the PTTL of the one session")
			.isEqualTo(Map.of("getex", 1L, "eval", 1L, "time", 1L, "hgetall", 1L, "pttl", 1L));
	}

	@Test
	void typedPreference_isKeptAcrossInstances() {
		SetCookie session = signIn();
		String token = csrfToken(first().get("/account").cookie(session.pair()).send());
		first().postForm("/account/theme", Map.of("_csrf", token, "theme", "dark")).cookie(session.pair()).send();
		assertThat(redis.commands().get("session-" + session.sessionId()))
			.contains("{\"@class\":\"org.curveball.session.sample.AccountPreferences\",\"theme\":\"dark\"}");
		assertThat(second().get("/account").cookie(session.pair()).send().body()).contains("<body class=\"dark\">");
	}

	@Test
	void redeployThatChangedAUserClass_keepsTheSignIn() {
		SetCookie session = signIn();
		String key = "session-" + session.sessionId();
		String stored = redis.commands().get(key);
		String fromOlderDeploy = stored.substring(0, stored.length() - 1)
				+ ",\"preferences\":{\"@class\":\"org.curveball.session.sample.AccountPreferences\","
				+ "\"theme\":{\"colours\":[\"dark\"]}},\"cart\":{\"@class\":\"org.curveball.session.sample.Cart\"}}";
		redis.commands().set(key, fromOlderDeploy);
		HttpResponse<String> account = second().get("/account").cookie(session.pair()).send();
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Signed in as <span id=\"user\">ada</span>")
			.contains("<body class=\"light\">");
		assertThat(redis.commands().get(key)).contains("\"cart\":{\"@class\":\"org.curveball.session.sample.Cart\"}");
	}

	@Test
	void errorPages_neverOpenAServletContainerSession() {
		SetCookie session = signIn();
		HttpResponse<String> missing = first().get("/no-such-page").cookie(session.pair()).send();
		HttpResponse<String> failedSignIn = second().postForm("/login", signInForm("not-a-token")).send();
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(failedSignIn.statusCode()).isEqualTo(403);
		assertThat(SetCookie.all(missing)).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		assertThat(SetCookie.all(failedSignIn)).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
	}

	private static SetCookie signIn() {
		SetCookie session = SetCookie.only(first().get("/login").send());
		String token = csrfToken(first().get("/login").cookie(session.pair()).send());
		return SetCookie.named(second().postForm("/login", signInForm(token)).cookie(session.pair()).send(), "CB");
	}

	private static Map<String, String> signInForm(String csrfToken) {
		return Map.of("username", "ada", "password", "lovelace", "_csrf", csrfToken);
	}

	private static String csrfToken(HttpResponse<String> page) {
		assertThat(page.statusCode()).as(page::body).isEqualTo(200);
		Matcher field = CSRF_FIELD.matcher(page.body());
		assertThat(field.find()).as("a _csrf field in the page").isTrue();
		return field.group(1);
	}

}
