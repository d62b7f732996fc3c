package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.RedisCommandCount;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SessionIdLeaks;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP against a real Redis, with the starter's defaults: what a
 * browser, a black-box client and {@code redis-cli} see. The nested groups share one
 * application and one Redis server, emptied before each test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.embedded-redis.enabled=false")
class SampleApplicationTests extends AbstractSampleHttpTests {

	private static final Pattern SESSION_COOKIE = Pattern.compile("CB=[A-Za-z0-9%]+; Path=/; HttpOnly; SameSite=Lax");

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

	String stored(String id) {
		return redis.commands().get("session-" + id);
	}

	static String wellFormedId() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	static void assertCsrfProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Json.read(response.body()).path("type").asString())
			.isEqualTo("https://curveball.org/errors/csrf-error");
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
		void readingWithoutCookie_answersEmptyObjectAndCreatesNothing() {
			HttpResponse<String> response = http().get("/api/session").send();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(Json.read(response.body())).isEqualTo(Json.read("{}"));
			assertThat(SetCookie.all(response)).isEmpty();
			assertThat(redis.commands().dbsize()).isZero();
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
			assertThat(id).hasSize(44);
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

	}

	@Nested
	class CookieValues {

		private static final String ID_WITH_PLUS_AND_SLASH = "ab+/cdefghijklmnopqrstuvwxyzABCDEFGHIJKL+/0=";

		@BeforeEach
		void storeSessionMadeElsewhere() {
			redis.commands().setex("session-" + ID_WITH_PLUS_AND_SLASH, 3600, "{\"from\":\"elsewhere\"}");
		}

		@Test
		void percentEncodedValue_findsTheSession() {
			assertThat(valuesWithCookie("CB=" + SetCookie.encodeURIComponent(ID_WITH_PLUS_AND_SLASH)))
				.isEqualTo("elsewhere");
		}

		@Test
		void rawValue_findsTheSessionAndKeepsPlusAsPlus() {
			assertThat(valuesWithCookie("CB=" + ID_WITH_PLUS_AND_SLASH)).isEqualTo("elsewhere");
		}

		@Test
		void twoSessionCookies_theFirstWins() {
			SetCookie other = createSession("from", "\"other\"");
			assertThat(valuesWithCookie("CB=" + ID_WITH_PLUS_AND_SLASH, other.pair())).isEqualTo("elsewhere");
			assertThat(valuesWithCookie(other.pair(), "CB=" + ID_WITH_PLUS_AND_SLASH)).isEqualTo("other");
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
			assertThat(Json.read(stored(id))).isEqualTo(Json.read("{\"user\":\"mallory\"}"));
		}

		private String valuesWithCookie(String... cookies) {
			SampleClient.Call call = http().get("/api/session");
			for (String cookie : cookies) {
				call.cookie(cookie);
			}
			HttpResponse<String> response = call.send();
			assertThat(SetCookie.all(response)).isEmpty();
			return Json.read(response.body()).path("from").asString("");
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

	}

	@Nested
	class Pages {

		@Test
		void homePage_withoutCookie_costsNoRedisCommandAndStartsNoSession() {
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> home = http().get("/").send();
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(home.body()).contains("id=\"no-session\"")
				.contains("<a href=\"/session\">")
				.contains("<a href=\"/login\">")
				.contains("<a href=\"/account\">")
				.contains("PUT /api/session/{key}");
			assertThat(shownCommands(home)).isZero();
			assertThat(count.commandsSinceStart()).isEmpty();
			assertThat(SetCookie.all(home)).isEmpty();
			assertThat(redis.commands().dbsize()).isZero();
		}

		@Test
		void homePage_withSession_showsWhatRedisHoldsWithGetAndPttlAndLeavesTheIdleTimeRunning() {
			SetCookie cookie = createSession("user", "\"Ada <Lovelace>\"");
			String key = "session-" + cookie.sessionId();
			long idleTimeLeft = redis.commands().pttl(key);
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> home = http().get("/").cookie(cookie.pair()).send();
			assertThat(count.commandsSinceStart()).isEqualTo(Map.of("get", 1L, "pttl", 1L));
			assertThat(redis.commands().pttl(key)).as("idle time left after the home page").isLessThan(idleTimeLeft);
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(SetCookie.all(home)).isEmpty();
			assertThat(shownCommands(home)).as("the session's commands that the page shows").isZero();
			assertThat(shown(home, "session")).isEqualTo(SessionFingerprint.of(cookie.sessionId()));
			assertThat(shown(home, "stored-key")).isEqualTo("session-••••••••");
			assertThat(Json.read(HtmlUtils.htmlUnescape(shown(home, "stored-json"))))
				.isEqualTo(Json.read(redis.commands().get(key)));
			assertThat(home.body()).contains("Ada &lt;Lovelace&gt;").doesNotContain("<Lovelace>");
			SessionIdLeaks.assertNoSessionId("the home page", home.body(), List.of(cookie.sessionId()));
		}

		@Test
		void homePage_withCookieOfSessionThatIsGone_saysRedisHoldsNothingForOneCommand() {
			String gone = wellFormedId();
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> home = http().get("/").cookie("CB=" + SetCookie.encodeURIComponent(gone)).send();
			assertThat(count.commandsSinceStart()).isEqualTo(Map.of("get", 1L));
			assertThat(home.body()).contains("id=\"not-stored\"");
			assertThat(shown(home, "session")).isEqualTo(SessionFingerprint.of(gone));
		}

		@Test
		void sessionPage_countsVisitsInTheSession() {
			HttpResponse<String> first = http().get("/session").send();
			assertThat(first.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(first.body()).contains("Hello, <span id=\"name\">stranger</span>!")
				.contains("<strong id=\"visits\">1</strong>");
			SetCookie cookie = SetCookie.only(first);
			HttpResponse<String> second = http().get("/session").cookie(cookie.pair()).send();
			assertThat(second.body()).contains("<strong id=\"visits\">2</strong>");
			assertThat(Json.read(stored(cookie.sessionId())).path("visits").asInt()).isEqualTo(2);
		}

		@Test
		void sessionPage_ofNewSession_costsOneSetAndSaysSo() {
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> page = http().get("/session").send();
			assertThat(count.commandsSinceStart()).isEqualTo(Map.of("set", 1L));
			assertThat(shownCommands(page)).isOne();
			assertThat(shown(page, "session")).isEqualTo(SessionFingerprint.of(SetCookie.only(page).sessionId()));
		}

		@Test
		void sessionPage_ofExistingSession_costsOneReadAndOneSaveAndSaysSo() {
			SetCookie cookie = SetCookie.only(http().get("/session").send());
			http().get("/session").cookie(cookie.pair()).send();
			RedisCommandCount count = RedisCommandCount.start(redis);
			HttpResponse<String> page = http().get("/session").cookie(cookie.pair()).send();
			// Sent: GETEX and EVALSHA, whose script runs GET and SET inside Redis
			assertThat(count.commandsSinceStart()).isEqualTo(Map.of("getex", 1L, "evalsha", 1L, "get", 1L, "set", 1L));
			assertThat(shownCommands(page)).isEqualTo(2);
			assertThat(page.body()).contains("load (hit), save (saved)");
			assertThat(SetCookie.all(page)).isEmpty();
		}

		@Test
		void nameForm_withThePagesHiddenToken_setsTheNameSaysSoAndRedirectsToThePage() {
			SetCookie cookie = SetCookie.only(http().get("/session").send());
			String token = csrfTokenOnPage(cookie);
			HttpResponse<String> posted = http()
				.postForm("/session/name", Map.of("name", "Ada <Lovelace>", "csrf-token", token))
				.cookie(cookie.pair())
				.send();
			assertThat(posted.statusCode()).isEqualTo(303);
			assertThat(posted.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/session"));
			HttpResponse<String> page = http().get("/session").cookie(cookie.pair()).cookie(flashMarker(posted)).send();
			assertThat(page.body()).contains("Hello, <span id=\"name\">Ada &lt;Lovelace&gt;</span>!")
				.doesNotContain("<Lovelace>");
			assertThat(shown(page, "notice")).startsWith("Saved your name in the session.");
		}

		@Test
		void nameForm_withoutToken_isForbiddenAndChangesNothing() {
			SetCookie cookie = SetCookie.only(http().get("/session").send());
			assertCsrfProblem(http().postForm("/session/name", Map.of("name", "Mallory")).cookie(cookie.pair()).send());
			assertThat(Json.read(stored(cookie.sessionId())).has("name")).isFalse();
		}

		@Test
		void endButton_withThePagesHiddenToken_endsTheSessionAndSaysSoInANewOne() {
			SetCookie cookie = SetCookie.only(http().get("/session").send());
			String token = csrfTokenOnPage(cookie);
			HttpResponse<String> posted = http().postForm("/session/end", Map.of("csrf-token", token))
				.cookie(cookie.pair())
				.send();
			assertThat(posted.statusCode()).isEqualTo(303);
			assertThat(redis.commands().exists("session-" + cookie.sessionId())).isZero();
			SetCookie renewed = SetCookie.named(posted, "CB");
			assertThat(renewed.sessionId()).as("the session that carries the notice").isNotEqualTo(cookie.sessionId());
			assertThat(Json.read(stored(renewed.sessionId())).propertyNames()).containsExactly("__flash");
			HttpResponse<String> page = http().get("/session")
				.cookie(renewed.pair())
				.cookie(flashMarker(posted))
				.send();
			assertThat(shown(page, "notice")).startsWith("Ended session " + SessionFingerprint.of(cookie.sessionId()));
			assertThat(page.body()).contains("<strong id=\"visits\">1</strong>");
			assertThat(shown(page, "session")).isEqualTo(SessionFingerprint.of(renewed.sessionId()));
		}

		@Test
		void sessionStoreMetrics_countTheOperationsThatThePagesShow() {
			double saves = storeOperations("save");
			double loads = storeOperations("load");
			SetCookie cookie = SetCookie.only(http().get("/session").send());
			http().get("/session").cookie(cookie.pair()).send();
			assertThat(storeOperations("save") - saves).as("saves").isEqualTo(2);
			assertThat(storeOperations("load") - loads).as("loads").isEqualTo(1);
		}

		private double storeOperations(String operation) {
			HttpResponse<String> metric = http()
				.get("/actuator/metrics/curveball.session.store?tag=operation:" + operation)
				.send();
			if (metric.statusCode() == 404) {
				return 0;
			}
			assertThat(metric.statusCode()).as(metric::body).isEqualTo(200);
			return Json.read(metric.body()).path("measurements").path(0).path("value").asDouble();
		}

		private String csrfTokenOnPage(SetCookie cookie) {
			String page = http().get("/session").cookie(cookie.pair()).send().body();
			Matcher field = CSRF_FIELD.matcher(page);
			assertThat(field.find()).as("a csrf-token field on the page").isTrue();
			return field.group(1);
		}

		private static String flashMarker(HttpResponse<String> response) {
			return SetCookie.named(response, "CB-flash").pair();
		}

		private static int shownCommands(HttpResponse<String> page) {
			return Integer.parseInt(shown(page, "session-commands"));
		}

		private static String shown(HttpResponse<String> page, String id) {
			Matcher element = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page.body());
			assertThat(element.find()).as("an element with id '%s' on the page", id).isTrue();
			return element.group(1).strip();
		}

	}

}
