package org.curveball.session.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the five properties of the README set: sessions live on their own
 * connection (the application's points at a port where nothing listens), under the
 * {@code mysess} prefix, in the {@code MY_SESSION} cookie, for two idle hours.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.embedded-redis.enabled=false", "curveball.session.redis.prefix=mysess",
				"curveball.session.redis.cookie.name=MY_SESSION", "curveball.session.redis.expiry=7200",
				"spring.data.redis.host=localhost" })
class SampleApplicationCustomPropertiesTests extends AbstractSessionOnlyRedisSampleTests {

	@Test
	void session_isKeptUnderThePrefixInTheNamedCookieWithTheExpiry() {
		HttpResponse<String> response = http().put("/api/session/user", "{\"name\":\"ada\"}").send();
		assertThat(response.statusCode()).isEqualTo(200);
		SetCookie cookie = SetCookie.only(response);
		assertThat(cookie.header()).matches("MY_SESSION=[A-Za-z0-9%]+; Path=/; HttpOnly; SameSite=Lax");
		String key = "mysess-" + cookie.sessionId();
		assertThat(Json.read(redis.commands().get(key))).isEqualTo(Json.read("{\"user\":{\"name\":\"ada\"}}"));
		assertThat(redis.commands().ttl(key)).isBetween(7190L, 7200L);
		assertThat(redis.commands().keys("*")).containsExactly(key);
	}

	@Test
	void session_isReadFromTheNamedCookieOnly() {
		SetCookie cookie = SetCookie.only(http().put("/api/session/user", "\"ada\"").send());
		HttpResponse<String> named = http().get("/api/session").cookie(cookie.pair()).send();
		assertThat(Json.read(named.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		HttpResponse<String> defaultName = http().get("/api/session").cookie("CB=" + cookie.value()).send();
		assertThat(Json.read(defaultName.body())).isEqualTo(Json.read("{}"));
	}

}
