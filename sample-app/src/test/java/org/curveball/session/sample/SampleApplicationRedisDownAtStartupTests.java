package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.ProblemResponses;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisServerExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample started while its Redis is down: it starts, says so in one line, serves what
 * does not need a session, and serves sessions as soon as Redis is up, without a restart.
 * <p>
 * The application is started by the test, after it stopped Redis, and closed before Redis
 * is.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationRedisDownAtStartupTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings
		.from(CurveballSessionRedisAutoConfiguration.class, "does not answer")
		.andPossiblyReconnecting();

	private static final String REDIS_DOWN_LINE = "Redis for Curveball sessions does not answer";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@Test
	void redisDownAtStartup_applicationStartsLogsOneLineAndServesSessionsOnceRedisIsUp(CapturedOutput output) {
		redis.stop();
		try (RunningSample application = RunningSample.start(redis, "--curveball.session.redis.timeout=1s")) {
			SampleClient http = application.http();
			assertThat(warnings.messages()).as("warnings saying that Redis does not answer")
				.filteredOn((message) -> message.contains(REDIS_DOWN_LINE))
				.singleElement()
				.asString()
				.as("the warning")
				.doesNotContain("\tat ");
			assertThat(output.getOut()).as("a stack trace in the log").doesNotContain("\tat ");
			HttpResponse<String> hello = http.get("/api/hello").send();
			assertThat(hello.statusCode()).isEqualTo(200);
			String unknown = SampleApplicationTests.wellFormedId();
			ProblemResponses.assertCleanProblem(
					http.get("/api/session").cookie("CB=" + SetCookie.encodeURIComponent(unknown)).send(), 503,
					List.of(unknown));
			redis.start();
			HttpResponse<String> created = http.put("/api/session/user", "\"ada\"").send();
			assertThat(created.statusCode()).as(created::body).isEqualTo(200);
			SetCookie cookie = SetCookie.only(created);
			HttpResponse<String> read = http.get("/api/session").cookie(cookie.pair()).send();
			assertThat(Json.read(read.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		}
	}

}
