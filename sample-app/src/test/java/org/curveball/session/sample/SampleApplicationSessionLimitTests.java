package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.RedisCommandCount;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.sample.testing.SignIns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's {@code maximumSessions(1)} on two instances of the sample that share
 * one Redis: a second sign-in of the same user ends the first session on both instances,
 * two sign-ins racing on the two instances leave one session, and the limit costs no
 * Redis command on the reads and writes of a signed-in session.
 */
@SampleArguments("--sample.security.maximum-sessions=1")
class SampleApplicationSessionLimitTests extends AbstractTwoSampleInstancesTests {

	@Test
	void secondSignIn_endsTheFirstSessionOnBothInstances() {
		SetCookie first = SignIns.signIn(first(), first(), "Browser A");
		assertThat(SignIns.account(second(), first).statusCode()).isEqualTo(200);
		SetCookie second = SignIns.signIn(second(), second(), "Browser B");
		HttpResponse<String> expired = SignIns.account(first(), first);
		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(expired.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith(SampleSessionLimit.EXPIRED_URL));
		assertThat(first().get(SampleSessionLimit.EXPIRED_URL).send().body())
			.contains("signed out\n    here because this account signed in somewhere else");
		assertThat(redis.commands().exists("session-" + first.sessionId())).isZero();
		assertThat(SignIns.redirectsToSignIn(SignIns.account(second(), first))).isTrue();
		assertThat(SignIns.account(first(), second).statusCode()).isEqualTo(200);
		assertThat(SignIns.account(second(), second).statusCode()).isEqualTo(200);
	}

	@Test
	void secondSignIn_endsTheFirstSessionOnTheOtherInstanceToo() {
		SetCookie first = SignIns.signIn(first(), first(), "Browser A");
		SignIns.signIn(first(), first(), "Browser B");
		HttpResponse<String> expired = SignIns.account(second(), first);
		assertThat(expired.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith(SampleSessionLimit.EXPIRED_URL));
	}

	@RepeatedTest(10)
	void signIns_racingOnTheTwoInstances_leaveOneSession() throws Exception {
		List<SampleClient> pages = List.of(first(), second());
		List<SetCookie> before = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (SampleClient page : pages) {
			HttpResponse<String> signInPage = page.get("/login").send();
			before.add(SetCookie.named(signInPage, SignIns.SESSION_COOKIE));
			tokens.add(SignIns.csrfToken(signInPage));
		}
		Phaser start = new Phaser(pages.size() + 1);
		List<CompletableFuture<HttpResponse<String>>> signIns = new ArrayList<>();
		for (int i = 0; i < pages.size(); i++) {
			SampleClient form = pages.get(i);
			SetCookie session = before.get(i);
			String token = tokens.get(i);
			signIns.add(CompletableFuture.supplyAsync(() -> {
				start.arriveAndAwaitAdvance();
				return form.postForm("/login", Map.of("username", "ada", "password", "lovelace", "_csrf", token))
					.cookie(session.pair())
					.send();
			}));
		}
		start.arriveAndAwaitAdvance();
		List<SetCookie> after = new ArrayList<>();
		for (int i = 0; i < pages.size(); i++) {
			HttpResponse<String> answer = signIns.get(i).get(60, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).as(answer::body).isEqualTo(302);
			after.add(new SignIns.Attempt(before.get(i), answer).session());
		}
		long signedIn = 0;
		for (int i = 0; i < pages.size(); i++) {
			signedIn += (SignIns.account(pages.get(1 - i), after.get(i)).statusCode() == 200) ? 1 : 0;
		}
		assertThat(signedIn).as("sessions signed in after two racing sign-ins").isOne();
		assertThat(redis.commands().hlen("session:principal:ada")).isOne();
	}

	@Test
	void signedInSession_readsAndWrites_costNoMoreThanWithoutTheLimit() {
		SetCookie session = SignIns.signIn(first(), second(), "Browser A");
		String token = SignIns.csrfToken(SignIns.account(first(), session));
		RedisCommandCount read = RedisCommandCount.start(redis);
		HttpResponse<String> values = second().get("/api/session").cookie(session.pair()).send();
		assertThat(values.statusCode()).as(values::body).isEqualTo(200);
		assertThat(read.commandsSinceStart()).isEqualTo(Map.of("getex", 1L));
		RedisCommandCount write = RedisCommandCount.start(redis);
		HttpResponse<String> saved = first().postForm("/account/theme", Map.of("_csrf", token, "theme", "dark"))
			.cookie(session.pair())
			.send();
		assertThat(saved.statusCode()).isEqualTo(303);
		assertThat(write.commandsSinceStart()).containsOnlyKeys("getex", "evalsha", "get", "set")
			.containsEntry("getex", 1L)
			.containsEntry("evalsha", 1L);
	}

}
