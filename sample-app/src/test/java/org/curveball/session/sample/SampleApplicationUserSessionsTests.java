package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.sample.testing.SignIns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's sessions on two instances of the sample that share one Redis, without any
 * limit on them: the account lists where the user is signed in, and "sign out the other
 * sessions" and "sign out everywhere" end those sessions on both instances; a session
 * that expired is no longer listed.
 */
class SampleApplicationUserSessionsTests extends AbstractTwoSampleInstancesTests {

	@Test
	void accountSessions_listEverySignInWithTheAskingOneMarked() {
		SetCookie a = SignIns.signIn(first(), first(), "Browser A");
		SetCookie b = SignIns.signIn(second(), second(), "Browser B");
		JsonNode listed = sessions(second(), a);
		assertThat(listed).hasSize(2);
		assertThat(listed.get(0).get("device").asString()).isEqualTo("Browser A");
		assertThat(listed.get(0).get("current").asBoolean()).isTrue();
		assertThat(listed.get(1).get("device").asString()).isEqualTo("Browser B");
		assertThat(listed.get(1).get("current").asBoolean()).isFalse();
		assertThat(listed.toString()).doesNotContain(a.sessionId()).doesNotContain(b.sessionId());
	}

	@Test
	void signOutOthers_endsTheOtherSessionsOnBothInstancesAndKeepsThisOne() {
		SetCookie a = SignIns.signIn(first(), first(), "Browser A");
		SetCookie b = SignIns.signIn(second(), second(), "Browser B");
		SetCookie c = SignIns.signIn(first(), second(), "Browser C");
		HttpResponse<String> signedOut = post(second(), b, "/account/sessions/sign-out-others");
		assertThat(signedOut.statusCode()).isEqualTo(303);
		assertThat(SignIns.redirectsToSignIn(SignIns.account(first(), a))).isTrue();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(second(), c))).isTrue();
		assertThat(SignIns.account(first(), b).statusCode()).isEqualTo(200);
		assertThat(sessions(first(), b)).singleElement()
			.satisfies((session) -> assertThat(session.get("device").asString()).isEqualTo("Browser B"));
	}

	@Test
	void signOutEverywhere_endsEverySessionOfTheUserOnBothInstances() {
		SetCookie a = SignIns.signIn(first(), first(), "Browser A");
		SetCookie b = SignIns.signIn(second(), second(), "Browser B");
		HttpResponse<String> signedOut = post(first(), b, "/account/sessions/sign-out-everywhere");
		assertThat(signedOut.statusCode()).isEqualTo(303);
		assertThat(redis.commands()
			.exists("session-" + a.sessionId(), "session-" + b.sessionId(), "session:principal:ada")).isZero();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(second(), a))).isTrue();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(first(), b))).isTrue();
	}

	@Test
	void expiredSession_isNoLongerListed() throws InterruptedException {
		SetCookie a = SignIns.signIn(first(), first(), "Browser A");
		SetCookie b = SignIns.signIn(second(), second(), "Browser B");
		redis.commands()
			.hset("session:principal:ada", a.sessionId(),
					"{\"signedIn\":" + (System.currentTimeMillis() - 3_600_000) + "}");
		redis.commands().pexpire("session-" + a.sessionId(), 1);
		Thread.sleep(50);
		assertThat(sessions(first(), b)).singleElement()
			.satisfies((session) -> assertThat(session.get("current").asBoolean()).isTrue());
		assertThat(redis.commands().hkeys("session:principal:ada")).containsExactly(b.sessionId());
	}

	@Test
	void signOut_takesTheSessionOutOfTheListAtOnce() {
		SetCookie a = SignIns.signIn(first(), first(), "Browser A");
		SetCookie b = SignIns.signIn(second(), second(), "Browser B");
		String token = SignIns.csrfToken(SignIns.account(first(), a));
		second().postForm("/account/logout", Map.of("_csrf", token)).cookie(a.pair()).send();
		assertThat(redis.commands().hkeys("session:principal:ada")).containsExactly(b.sessionId());
	}

	private static JsonNode sessions(SampleClient instance, SetCookie session) {
		HttpResponse<String> response = instance.get("/account/sessions").cookie(session.pair()).send();
		assertThat(response.statusCode()).as(response::body).isEqualTo(200);
		return Json.read(response.body());
	}

	private static HttpResponse<String> post(SampleClient instance, SetCookie session, String path) {
		String token = SignIns.csrfToken(SignIns.account(instance, session));
		return instance.postForm(path, Map.of("_csrf", token)).cookie(session.pair()).send();
	}

}
