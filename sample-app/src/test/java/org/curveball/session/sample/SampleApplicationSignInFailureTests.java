package org.curveball.session.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.sample.testing.SignIns;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins that Spring Security refuses, on two instances of the sample that share one
 * Redis: each gets Spring Security's normal answer, back to the sign-in page, whichever
 * instance shows it, because the exception Spring Security keeps in the session for that
 * page is stored (by type and message, without the password) and read back. Never a
 * {@code 500}.
 */
@ExtendWith(OutputCaptureExtension.class)
@SampleArguments("--spring.main.sources=org.curveball.session.sample.SignInTestUsers")
class SampleApplicationSignInFailureTests extends AbstractTwoSampleInstancesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			ada      | wrong password | BadCredentialsException
			locked   | lovelace       | LockedException
			disabled | lovelace       | DisabledException
			expired  | lovelace       | AccountExpiredException
			stale    | lovelace       | CredentialsExpiredException
			""")
	void signIn_refused_sendsBackToTheSignInPageOnEitherInstance(String user, String password, String exception,
			CapturedOutput output) {
		SignIns.Attempt attempt = SignIns.attempt(instances.first().http(), instances.second().http(), user, password,
				"Test browser");
		assertThat(attempt.answer().statusCode()).as(attempt.answer()::body).isEqualTo(302);
		assertThat(attempt.answer().headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
		SetCookie session = attempt.session();
		assertThat(redis.commands().get("session-" + session.sessionId()))
			.contains("\"SPRING_SECURITY_LAST_EXCEPTION\":{\"@class\":\"org.springframework.security.")
			.contains(exception + "\"")
			.doesNotContain(password);
		HttpResponse<String> page = instances.first().http().get("/login?error").cookie(session.pair()).send();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(SignInController.FAILED);
		assertThat(output).doesNotContain("Ignoring session value").doesNotContain("cannot be stored");
	}

}
