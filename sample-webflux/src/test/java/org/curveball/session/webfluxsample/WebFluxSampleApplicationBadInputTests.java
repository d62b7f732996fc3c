package org.curveball.session.webfluxsample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.curveball.session.core.LazySession;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.MalformedCookies;
import org.curveball.session.sample.testing.RawHttp;
import org.curveball.session.sample.testing.RedisCommandCount;
import org.curveball.session.sample.testing.SessionIdLeaks;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample fed what it must not trust: cookie values that cannot be a session
 * id cost no Redis command, and stored data that is not a session reads as no session.
 * <p>
 * Reactor Netty accepts request headers of up to 16 KB here, so that an 8 KB cookie
 * reaches the application instead of being refused by the server.
 */
@TestPropertySource(properties = "server.max-http-request-header-size=16KB")
class WebFluxSampleApplicationBadInputTests extends AbstractWebFluxSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring stored session");

	static final String ID = "ab+/cdefghijklmnopqrstuvwxyzABCDEFGHIJKL+/0=";

	static final String STORED = "{\"user\":\"ada\"}";

	@BeforeEach
	void storeSessionOfId() {
		redis.commands().setex("session-" + ID, 3600, STORED);
	}

	static Stream<Arguments> cookiesThatCannotBeAnId() {
		return MalformedCookies.thatCannotBeAnId(ID);
	}

	static Stream<Arguments> cookiesWithControlCharacters() {
		return MalformedCookies.withControlCharacters(ID);
	}

	@ParameterizedTest
	@MethodSource("cookiesThatCannotBeAnId")
	void cookieThatCannotBeAnId_isIgnoredWithoutAnyRedisCommand(String cookie) {
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
		HttpResponse<String> response = http().put("/api/session/user", "\"mallory\"").cookie(cookie).send();
		assertThat(response.statusCode()).isEqualTo(200);
		String id = SetCookie.only(response).sessionId();
		assertThat(id).isNotEqualTo(ID);
		assertThat(Json.read(stored(id))).isEqualTo(Json.read("{\"user\":\"mallory\"}"));
		assertThat(stored(ID)).isEqualTo(STORED);
	}

	@ParameterizedTest
	@MethodSource("cookiesWithControlCharacters")
	void cookieWithControlCharacters_isRefusedOrIgnoredWithoutAnyRedisCommand(String cookie) {
		RedisCommandCount count = RedisCommandCount.start(redis);
		RawHttp.Response response = RawHttp.get(this.port, "/api/session", cookie);
		assertThat(count.sinceStart()).as("Redis commands").isZero();
		assertThat(response.status()).as(response::head).isIn(200, 400);
		if (response.status() == 200) {
			assertThat(Json.read(response.body())).isEqualTo(Json.read("{}"));
		}
		SessionIdLeaks.assertNoSessionId("the response", response.body(), List.of(ID));
	}

	@Test
	void storedValueThatIsNotAJsonObject_readsAsNoSessionAndAWriteMovesToANewId() {
		redis.commands().setex("session-" + ID, 3600, "[\"not\",\"a\",\"session\"]");
		String cookie = "CB=" + SetCookie.encodeURIComponent(ID);
		HttpResponse<String> read = http().get("/api/session").cookie(cookie).send();
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(Json.read(read.body())).isEqualTo(Json.read("{}"));
		HttpResponse<String> write = http().put("/api/session/user", "\"ada\"").cookie(cookie).send();
		assertThat(SetCookie.only(write).sessionId()).isNotEqualTo(ID);
	}

}
