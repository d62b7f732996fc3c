package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.sample.testing.SignIns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's {@code maximumSessions(1).maxSessionsPreventsLogin(true)} on two
 * instances of the sample that share one Redis: a second sign-in of the same user, on the
 * other instance, is refused with Spring Security's normal answer, and once the first
 * session signs out, signing in works again.
 */
@SampleArguments({ "--sample.security.maximum-sessions=1", "--sample.security.max-sessions-prevents-login=true" })
class SampleApplicationSessionLimitPreventsLoginTests extends AbstractTwoSampleInstancesTests {

	@Test
	void secondSignIn_isRefusedUntilTheFirstSignsOut() {
		SetCookie first = SignIns.signIn(first(), first(), "Browser A");
		SignIns.Attempt refused = SignIns.attempt(second(), second(), "ada", SignInTestUsers.PASSWORD, "Browser B");
		assertThat(refused.answer().statusCode()).isEqualTo(302);
		assertThat(refused.answer().headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		assertThat(redis.commands().get("session-" + refused.session().sessionId()))
			.contains("SessionAuthenticationException")
			.doesNotContain("SPRING_SECURITY_CONTEXT");
		HttpResponse<String> page = first().get("/login?error").cookie(refused.session().pair()).send();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(SignInController.TOO_MANY_SESSIONS);
		assertThat(SignIns.account(second(), first).statusCode()).isEqualTo(200);
		String token = SignIns.csrfToken(SignIns.account(second(), first));
		HttpResponse<String> signedOut = second().postForm("/account/logout", Map.of("_csrf", token))
			.cookie(first.pair())
			.send();
		assertThat(signedOut.statusCode()).isEqualTo(302);
		SetCookie again = SignIns.signIn(first(), second(), "Browser B");
		assertThat(SignIns.account(first(), again).statusCode()).isEqualTo(200);
	}

}
