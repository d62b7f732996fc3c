package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.ProblemResponses;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SessionIdLeaks;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.PersistentRedis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample while its Redis is stopped, hangs and comes back, on the application's
 * shared connection with a command timeout of one second: requests that need their
 * session get a clean {@code 503}, the others do not notice, nothing is half-written and
 * the sessions stored before are served again without restarting the application. A
 * browser asking for a page that needs its session gets the HTML error page instead of
 * the problem that API clients get.
 * <p>
 * Redis keeps its data across a restart, as a production Redis with persistence does. The
 * client waits up to 30 seconds for an answer, so that a {@code 503} shows that the
 * request was not held until Redis answered.
 */
@PersistentRedis
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.embedded-redis.enabled=false", "curveball.session.redis.timeout=1s" })
class SampleApplicationRedisFaultTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings
		.from("org.curveball.session.web.servlet.SessionSavingResponse", "Session could not be saved")
		.andPossiblyReconnecting();

	/**
	 * What Chromium asks for when it loads a page.
	 */
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Test
	void redisDown_requestThatDoesNotUseItsSession_isUntouched() {
		SetCookie cookie = createSession("user", "\"ada\"");
		redis.stop();
		HttpResponse<String> response = http().get("/api/hello").cookie(cookie.pair()).send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("Hello");
		assertThat(SetCookie.all(response)).isEmpty();
	}

	@Test
	void redisDown_readingTheSession_isA503ProblemWithoutTraceOrSessionId() {
		SetCookie cookie = createSession("user", "\"ada\"");
		redis.stop();
		assertCleanServiceUnavailable(http().get("/api/session").cookie(cookie.pair()).send(), cookie);
	}

	@Test
	void redisDown_writesAre503AndNothingIsWrittenWhenRedisIsBack() {
		SetCookie cookie = createSession("user", "{\"name\":\"ada\"}");
		String key = "session-" + cookie.sessionId();
		String before = redis.commands().get(key);
		redis.stop();
		HttpResponse<String> update = http().put("/api/session/user", "\"mallory\"").cookie(cookie.pair()).send();
		assertCleanServiceUnavailable(update, cookie);
		HttpResponse<String> ended = http().delete("/api/session").cookie(cookie.pair()).send();
		assertCleanServiceUnavailable(ended, cookie);
		assertThat(SetCookie.all(ended)).as("a logout that failed must not look like one").isEmpty();
		HttpResponse<String> created = http().put("/api/session/user", "\"eve\"").send();
		assertCleanServiceUnavailable(created, cookie);
		// At once: a write that the application still held after answering would now land
		redis.start();
		assertSessionValues(cookie, "{\"user\":{\"name\":\"ada\"}}");
		assertThat(redis.commands().keys("*")).as("sessions in Redis").containsExactly(key);
		assertThat(redis.commands().get(key)).isEqualTo(before);
	}

	@Test
	void redisHangs_requestThatNeedsItsSession_isA503InsteadOfWaitingForRedis() {
		SetCookie cookie = createSession("user", "\"ada\"");
		String key = "session-" + cookie.sessionId();
		String before = redis.commands().get(key);
		// CLIENT PAUSE (ALL by default) holds every client's commands for 20 s, as a
		// Redis stuck on a slow command does
		redis.commands().clientPause(20_000);
		HttpResponse<String> hello = http().get("/api/hello").cookie(cookie.pair()).send();
		HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
		HttpResponse<String> update = http().put("/api/session/user", "\"mallory\"").cookie(cookie.pair()).send();
		// CLIENT UNPAUSE would itself wait for the pause to end; a restart ends it
		redis.restart();
		assertThat(hello.statusCode()).isEqualTo(200);
		assertCleanServiceUnavailable(read, cookie);
		assertCleanServiceUnavailable(update, cookie);
		assertThat(redis.commands().get(key)).isEqualTo(before);
	}

	@Test
	void redisComesBack_nextRequestsServeTheSessionsStoredBeforeUnchangedWithoutRestart() {
		SetCookie ada = createSession("user", "{\"name\":\"ada\",\"roles\":[\"admin\"],\"age\":36}");
		SetCookie bob = createSession("cart", "[1,2.5,\"three\",null,true]");
		redis.stop();
		// Six seconds of outage: long enough for Lettuce's own back-off to reach seconds
		for (int i = 0; i < 3; i++) {
			assertCleanServiceUnavailable(http().get("/api/session").cookie(ada.pair()).send(), ada);
			assertCleanServiceUnavailable(http().put("/api/session/lang", "\"en\"").cookie(bob.pair()).send(), bob);
		}
		redis.start();
		assertSessionValues(ada, "{\"user\":{\"name\":\"ada\",\"roles\":[\"admin\"],\"age\":36}}");
		assertSessionValues(bob, "{\"cart\":[1,2.5,\"three\",null,true]}");
		HttpResponse<String> update = http().put("/api/session/lang", "\"en\"").cookie(ada.pair()).send();
		assertThat(update.statusCode()).isEqualTo(200);
		assertThat(SetCookie.all(update)).as("the same session, not a new one").isEmpty();
		assertThat(Json.read(redis.commands().get("session-" + ada.sessionId())))
			.isEqualTo(Json.read("{\"user\":{\"name\":\"ada\",\"roles\":[\"admin\"],\"age\":36},\"lang\":\"en\"}"));
	}

	@Test
	void redisDown_browserAskingForAPageThatNeedsItsSession_getsThe503Page() {
		SetCookie cookie = createSession("user", "\"ada\"");
		redis.stop();
		assertServiceUnavailablePage(http().get("/session").cookie(cookie.pair()), cookie);
		assertServiceUnavailablePage(http().get("/account").cookie(cookie.pair()), cookie);
		assertServiceUnavailablePage(
				http().postForm("/session/name", Map.of("name", "ada", "csrf-token", "x")).cookie(cookie.pair()),
				cookie);
	}

	@Test
	void redisDown_homePage_stillAnswersAndSaysRedisDoesNotAnswer() {
		SetCookie cookie = createSession("user", "\"ada\"");
		redis.stop();
		HttpResponse<String> home = http().get("/").cookie(cookie.pair()).header("Accept", BROWSER_ACCEPT).send();
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"redis-unavailable\"");
		assertThat(SetCookie.all(home)).isEmpty();
	}

	@Test
	void redisDown_apiClientAskingForJson_keepsTheProblem() {
		SetCookie cookie = createSession("user", "\"ada\"");
		redis.stop();
		assertCleanServiceUnavailable(
				http().get("/api/session").cookie(cookie.pair()).header("Accept", "application/json").send(), cookie);
	}

	private static void assertServiceUnavailablePage(SampleClient.Call request, SetCookie cookie) {
		HttpResponse<String> page = request.header("Accept", BROWSER_ACCEPT).send();
		assertThat(page.statusCode()).as(page::body).isEqualTo(503);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<h1>Redis does not answer</h1>").doesNotContain("\tat ");
		assertThat(SetCookie.all(page)).as("cookies sent with a 503").isEmpty();
		SessionIdLeaks.assertNoSessionId("the 503 page", page.body(), List.of(cookie.sessionId()));
	}

	private static void assertCleanServiceUnavailable(HttpResponse<String> response, SetCookie cookie) {
		ProblemResponses.assertCleanProblem(response, 503, List.of(cookie.sessionId()));
		assertThat(SetCookie.all(response)).as("cookies sent with a 503").isEmpty();
	}

	private void assertSessionValues(SetCookie cookie, String json) {
		HttpResponse<String> response = http().get("/api/session").cookie(cookie.pair()).send();
		assertThat(response.statusCode()).as(response::body).isEqualTo(200);
		assertThat(Json.read(response.body())).isEqualTo(Json.read(json));
		assertThat(SetCookie.all(response)).isEmpty();
	}

}
