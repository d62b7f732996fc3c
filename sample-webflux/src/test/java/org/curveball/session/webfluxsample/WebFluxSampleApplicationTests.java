package org.curveball.session.webfluxsample;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.RedisCommandCount;
import org.curveball.session.sample.testing.SetCookie;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample over real HTTP against a real Redis, with the starter's defaults:
 * what a browser, a black-box client and {@code redis-cli} see, and what each request
 * costs in Redis commands, counted on the server. The nested groups share one application
 * and one Redis server, emptied before each test.
 */
class WebFluxSampleApplicationTests extends AbstractWebFluxSampleHttpTests {

	private static final Pattern SESSION_COOKIE = Pattern.compile("CB=[A-Za-z0-9%]+; Path=/; HttpOnly; SameSite=Lax");

	static String wellFormedId() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	@Nested
	class WithoutSessionUse {

		@Test
		void hello_withoutCookie_costsNoCookieAndNoRedisCommand() {
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> response = http().get("/api/hello").send();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).startsWith("Hello");
			assertThat(SetCookie.all(response)).isEmpty();
			assertThat(count.commandsSinceStart()).isEmpty();
		}

		@Test
		void hello_withCookieOfLiveSession_costsNoCookieAndNoRedisCommand() {
			SetCookie cookie = createSession("user", "\"ada\"");
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> response = http().get("/api/hello").cookie(cookie.pair()).send();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(SetCookie.all(response)).isEmpty();
			assertThat(count.commandsSinceStart()).isEmpty();
		}

		@Test
		void homePage_withCookieOfLiveSession_costsNoRedisCommand() {
			SetCookie cookie = createSession("user", "\"ada\"");
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> home = http().get("/").cookie(cookie.pair()).send();
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.body()).contains("<a href=\"/login\">");
			assertThat(SetCookie.all(home)).isEmpty();
			assertThat(count.commandsSinceStart()).isEmpty();
		}

		@Test
		void readingWithoutCookie_answersEmptyObjectAndCreatesNothing() {
			HttpResponse<String> response = http().get("/api/session").send();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(Json.read(response.body())).isEqualTo(Json.read("{}"));
			assertThat(SetCookie.all(response)).isEmpty();
			assertThat(redis.commands().dbsize()).isZero();
		}

	}

	@Nested
	class Commands {

		@Test
		void firstWrite_costsOneSet() {
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> response = http().put("/api/session/user", "\"ada\"").send();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(count.commandsSinceStart()).isEqualTo(Map.of("set", 1L));
		}

		@Test
		void read_costsOneGetex() {
			SetCookie cookie = createSession("user", "\"ada\"");
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
			assertThat(Json.read(read.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
			assertThat(count.commandsSinceStart()).isEqualTo(Map.of("getex", 1L));
		}

		@Test
		void writeToExistingSession_costsGetexAndOneEvalsha() {
			SetCookie cookie = createSession("user", "\"ada\"");
			http().put("/api/session/lang", "\"en\"").cookie(cookie.pair()).send();
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> update = http().put("/api/session/lang", "\"fr\"").cookie(cookie.pair()).send();
			assertThat(update.statusCode()).isEqualTo(200);
			// Sent: GETEX and EVALSHA, whose script runs GET and SET inside Redis
			assertThat(count.commandsSinceStart()).isEqualTo(Map.of("getex", 1L, "evalsha", 1L, "get", 1L, "set", 1L));
			assertThat(Json.read(stored(cookie.sessionId())))
				.isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"fr\"}"));
		}

	}

	@Nested
	class Creating {

		@Test
		void firstPut_setsCurveballCookieAndStoresJsonUnderPrefixedKey() {
			HttpResponse<String> response = http().put("/api/session/user", "{\"name\":\"ada\",\"roles\":[\"admin\"]}")
				.send();
			assertThat(Json.read(response.body()))
				.isEqualTo(Json.read("{\"user\":{\"name\":\"ada\",\"roles\":[\"admin\"]}}"));
			SetCookie cookie = SetCookie.only(response);
			assertThat(cookie.header()).matches(SESSION_COOKIE);
			String id = cookie.sessionId();
			assertThat(Base64.getDecoder().decode(id)).hasSize(32);
			assertThat(cookie.value()).isEqualTo(SetCookie.encodeURIComponent(id));
			assertThat(Json.read(stored(id))).isEqualTo(Json.read(response.body()));
			assertThat(redis.commands().pttl("session-" + id)).isBetween(3_590_000L, 3_600_000L);
			assertThat(redis.commands().dbsize()).isOne();
		}

		@Test
		void laterRequestsWithTheCookie_readAndUpdateTheSameSessionWithoutNewCookie() {
			SetCookie cookie = createSession("user", "\"ada\"");
			HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
			assertThat(Json.read(read.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
			assertThat(SetCookie.all(read)).isEmpty();
			HttpResponse<String> update = http().put("/api/session/lang", "\"en\"").cookie(cookie.pair()).send();
			assertThat(SetCookie.all(update)).isEmpty();
			assertThat(Json.read(stored(cookie.sessionId())))
				.isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
			assertThat(redis.commands().dbsize()).isOne();
		}

		@Test
		void largeStreamedBody_stillGetsItsCookieAndStoresTheSession() {
			HttpResponse<String> response = http().get("/api/session/stream").send();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).hasSize(1024 * 1024);
			SetCookie cookie = SetCookie.only(response);
			assertThat(cookie.header()).matches(SESSION_COOKIE);
			assertThat(Json.read(stored(cookie.sessionId()))).isEqualTo(Json.read("{\"streamed\":1048576}"));
		}

		@Test
		void unknownId_isNeverAdopted() {
			String unknown = wellFormedId();
			HttpResponse<String> response = http().put("/api/session/user", "\"mallory\"")
				.cookie("CB=" + SetCookie.encodeURIComponent(unknown))
				.send();
			String id = SetCookie.only(response).sessionId();
			assertThat(id).isNotEqualTo(unknown);
			assertThat(redis.commands().exists("session-" + unknown)).isZero();
		}

	}

	@Nested
	class Ending {

		@Test
		void removingTheLastKey_deletesTheSessionFromRedis() {
			SetCookie cookie = createSession("user", "\"ada\"");
			HttpResponse<String> response = http().delete("/api/session/user").cookie(cookie.pair()).send();
			assertThat(Json.read(response.body())).isEqualTo(Json.read("{}"));
			assertThat(redis.commands().exists("session-" + cookie.sessionId())).isZero();
		}

		@Test
		void deletingTheSession_answers204DeletesTheKeyAndClearsTheCookie() {
			SetCookie cookie = createSession("user", "\"ada\"");
			HttpResponse<String> response = http().delete("/api/session").cookie(cookie.pair()).send();
			assertThat(response.statusCode()).isEqualTo(204);
			assertThat(redis.commands().exists("session-" + cookie.sessionId())).isZero();
			SetCookie cleared = SetCookie.only(response);
			assertThat(cleared.pair()).isEqualTo("CB=");
			assertThat(cleared.header()).contains("; Max-Age=0").contains("; Path=/");
			HttpResponse<String> after = http().get("/api/session").cookie(cookie.pair()).send();
			assertThat(Json.read(after.body())).isEqualTo(Json.read("{}"));
		}

		@Test
		void regenerating_movesTheValuesToANewIdAndDeletesTheOldKey() {
			SetCookie cookie = createSession("user", "\"ada\"");
			HttpResponse<String> response = http().post("/api/session/regenerate").cookie(cookie.pair()).send();
			assertThat(Json.read(response.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
			SetCookie renewed = SetCookie.only(response);
			assertThat(renewed.header()).matches(SESSION_COOKIE);
			assertThat(renewed.sessionId()).isNotEqualTo(cookie.sessionId());
			assertThat(redis.commands().exists("session-" + cookie.sessionId())).isZero();
			assertThat(Json.read(stored(renewed.sessionId()))).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		}

	}

	@Nested
	class Csrf {

		@Test
		void tokenFromTheApi_passesTheCheckInTheHeader() {
			HttpResponse<String> tokenResponse = http().get("/api/session/csrf").send();
			SetCookie cookie = SetCookie.only(tokenResponse);
			String token = Json.read(tokenResponse.body()).path("token").asString();
			HttpResponse<String> check = http().post("/api/session/csrf-check")
				.cookie(cookie.pair())
				.header("X-CSRF-Token", token)
				.send();
			assertThat(check.statusCode()).isEqualTo(204);
		}

		@Test
		void wrongToken_isForbiddenWithCurveballsProblem() {
			SetCookie cookie = SetCookie.only(http().get("/api/session/csrf").send());
			assertCsrfProblem(http().post("/api/session/csrf-check")
				.cookie(cookie.pair())
				.header("X-CSRF-Token", wellFormedId())
				.send());
		}

		@Test
		void missingToken_isForbiddenWithCurveballsProblem() {
			SetCookie cookie = SetCookie.only(http().get("/api/session/csrf").send());
			assertCsrfProblem(http().post("/api/session/csrf-check").cookie(cookie.pair()).send());
		}

		private static void assertCsrfProblem(HttpResponse<String> response) {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(Json.read(response.body()).path("type").asString())
				.isEqualTo("https://curveball.org/errors/csrf-error");
		}

	}

}
