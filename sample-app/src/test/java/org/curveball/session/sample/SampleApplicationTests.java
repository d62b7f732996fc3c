package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.AbstractSessionApiTests;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.RedisCommandCount;
import org.curveball.session.sample.testing.SessionIdLeaks;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP against a real Redis, with the starter's defaults: what a
 * browser, a black-box client and {@code redis-cli} see. The JSON API's checks, which the
 * WebFlux sample passes too, come from {@link AbstractSessionApiTests}; the pages are
 * this sample's own. The nested groups share one application and one Redis server,
 * emptied before each test.
 * <p>
 * Tomcat accepts request headers of up to 16 KB here, so that an 8 KB cookie reaches the
 * application instead of being refused by Tomcat with a {@code 400}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.embedded-redis.enabled=false", "server.max-http-request-header-size=16KB" })
class SampleApplicationTests extends AbstractSessionApiTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

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
