package org.curveball.session.webfluxsample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.ProblemResponses;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.PersistentRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped under the WebFlux sample and started again: a request that needs its
 * session answers a clean {@code 503} problem within the command timeout (one second
 * here), a request that does not is untouched, and once Redis is back the same session
 * works again without a restart.
 */
@PersistentRedis
@WebFluxSampleTest(args = "--curveball.session.redis.timeout=1s")
class WebFluxSampleApplicationRedisOutageTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@Test
	void redisStopped_sessionRequestsAre503ProblemsOthersUntouchedThenRecover() {
		SetCookie cookie = createSession("user", "\"ada\"");
		redis.stop();
		try {
			long start = System.nanoTime();
			HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			ProblemResponses.assertCleanProblem(read, 503, List.of(cookie.sessionId()));
			assertThat(took).as("time to the 503").isLessThan(Duration.ofSeconds(3));
			ProblemResponses.assertCleanProblem(http().put("/api/session/lang", "\"en\"").cookie(cookie.pair()).send(),
					503, List.of(cookie.sessionId()));
			HttpResponse<String> hello = http().get("/api/hello").cookie(cookie.pair()).send();
			assertThat(hello.statusCode()).isEqualTo(200);
		}
		finally {
			redis.start();
		}
		HttpResponse<String> recovered = awaitRecovery(cookie);
		assertThat(Json.read(recovered.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		HttpResponse<String> write = http().put("/api/session/lang", "\"en\"").cookie(cookie.pair()).send();
		assertThat(write.statusCode()).isEqualTo(200);
		assertThat(SetCookie.all(write)).isEmpty();
		assertThat(Json.read(stored(cookie.sessionId()))).isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
	}

	private HttpResponse<String> awaitRecovery(SetCookie cookie) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
		while (read.statusCode() != 200 && System.nanoTime() < deadline) {
			assertThat(ProblemResponses.isClean503(read)).as(read::body).isTrue();
			read = http().get("/api/session").cookie(cookie.pair()).send();
		}
		assertThat(read.statusCode()).as("status once Redis is back").isEqualTo(200);
		return read;
	}

}
