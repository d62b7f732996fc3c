package org.curveball.session.sample.testing;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks that hold for both samples, servlet and WebFlux, over real HTTP against a
 * real Redis with the starter's defaults: the JSON API's answers, its cookie, what each
 * request costs in Redis commands (counted on the server), regenerate, end, the Curveball
 * CSRF check, and cookie values that cannot be a session id. A sample's test class
 * extends it with its {@code @SpringBootTest} and adds what only it has. The nested
 * groups share one application and one Redis server, emptied before each test.
 * <p>
 * The application must accept request headers of up to 16 KB, so that an 8 KB cookie
 * reaches it instead of being refused by the server.
 */
public abstract class AbstractSessionApiTests extends AbstractSampleHttpTests {

	/**
	 * The cookie of a new session, exactly as the servlet sample has always sent it.
	 */
	protected static final Pattern SESSION_COOKIE = Pattern.compile("CB=[A-Za-z0-9%]+; Path=/; HttpOnly; SameSite=Lax");

	/**
	 * The id of a session made elsewhere, which the tests of cookie values store, with a
	 * {@code +} and a {@code /} that its cookie value percent-encodes.
	 */
	static final String ID = "ab+/cdefghijklmnopqrstuvwxyzABCDEFGHIJKL+/0=";

	/**
	 * What the session of {@link #ID} holds.
	 */
	static final String STORED = "{\"from\":\"elsewhere\"}";

	/**
	 * Return a random id of the form the starter gives, 32 bytes in Base64.
	 * @return the id
	 */
	public static String wellFormedId() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	protected static void assertCsrfProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Json.read(response.body()).path("type").asString())
			.isEqualTo("https://curveball.org/errors/csrf-error");
	}

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
		assertThat(Json.read(stored(cookie.sessionId()))).isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"fr\"}"));
	}

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
		assertThat(Json.read(stored(cookie.sessionId()))).isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
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
	void percentEncodedValue_findsTheSession() {
		storeSessionMadeElsewhere();
		assertThat(valuesWithCookie("CB=" + SetCookie.encodeURIComponent(ID))).isEqualTo("elsewhere");
	}

	@Test
	void rawValue_findsTheSessionAndKeepsPlusAsPlus() {
		storeSessionMadeElsewhere();
		assertThat(valuesWithCookie("CB=" + ID)).isEqualTo("elsewhere");
	}

	@Test
	void twoSessionCookies_theFirstWins() {
		storeSessionMadeElsewhere();
		SetCookie other = createSession("from", "\"other\"");
		assertThat(valuesWithCookie("CB=" + ID, other.pair())).isEqualTo("elsewhere");
		assertThat(valuesWithCookie(other.pair(), "CB=" + ID)).isEqualTo("other");
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

	static Stream<Arguments> cookiesThatCannotBeAnId() {
		return MalformedCookies.thatCannotBeAnId(ID);
	}

	@ParameterizedTest
	@MethodSource("cookiesThatCannotBeAnId")
	void cookieThatCannotBeAnId_isIgnoredWithoutAnyRedisCommand(String cookie) {
		storeSessionMadeElsewhere();
		RedisCommandCount count = RedisCommandCount.start(redis);
		HttpResponse<String> response = http().get("/api/session").cookie(cookie).send();
		assertThat(count.sinceStart()).as("Redis commands").isZero();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Json.read(response.body())).isEqualTo(Json.read("{}"));
		assertThat(SetCookie.all(response)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("cookiesThatCannotBeAnId")
	void cookieThatCannotBeAnId_writeCreatesANewSessionAndLeavesTheOtherAlone(String cookie) {
		storeSessionMadeElsewhere();
		HttpResponse<String> response = http().put("/api/session/user", "\"mallory\"").cookie(cookie).send();
		assertThat(response.statusCode()).isEqualTo(200);
		String id = SetCookie.only(response).sessionId();
		assertThat(id).isNotEqualTo(ID);
		assertThat(Json.read(redis.commands().get("session-" + id))).isEqualTo(Json.read("{\"user\":\"mallory\"}"));
		assertThat(redis.commands().get("session-" + ID)).isEqualTo(STORED);
	}

	static Stream<Arguments> cookiesWithControlCharacters() {
		return MalformedCookies.withControlCharacters(ID);
	}

	/**
	 * A server may refuse a request whose header holds a control character other than a
	 * tab with its own {@code 400} before any application code runs (Tomcat does): such a
	 * cookie cannot reach the session. What must hold is that it reaches Redis neither.
	 * @param cookie the {@code Cookie} header
	 */
	@ParameterizedTest
	@MethodSource("cookiesWithControlCharacters")
	void cookieWithControlCharacters_isRefusedOrIgnoredWithoutAnyRedisCommand(String cookie) {
		storeSessionMadeElsewhere();
		RedisCommandCount count = RedisCommandCount.start(redis);
		RawHttp.Response response = RawHttp.get(port, "/api/session", cookie);
		assertThat(count.sinceStart()).as("Redis commands").isZero();
		assertThat(response.status()).as(response::head).isIn(200, 400);
		if (response.status() == 200) {
			assertThat(Json.read(response.body())).isEqualTo(Json.read("{}"));
		}
		SessionIdLeaks.assertNoSessionId("the response", response.body(), List.of(ID));
		assertThat(response.hasSetCookie()).isFalse();
	}

	/**
	 * Store a session under {@link #ID} as another application would, holding
	 * {@link #STORED}.
	 */
	protected static void storeSessionMadeElsewhere() {
		redis.commands().setex("session-" + ID, 3600, STORED);
	}

}
