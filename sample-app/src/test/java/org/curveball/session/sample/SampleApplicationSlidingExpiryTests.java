package org.curveball.session.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with a short idle expiry: every read of the session gives it the whole
 * expiry again, as Curveball's does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.embedded-redis.enabled=false", "curveball.session.redis.expiry=3" })
class SampleApplicationSlidingExpiryTests extends AbstractSampleHttpTests {

	@Test
	void readingTheSession_restartsItsIdleExpiry() throws InterruptedException {
		SetCookie cookie = SetCookie.only(http().put("/api/session/user", "\"ada\"").send());
		String key = "session-" + cookie.sessionId();
		assertThat(redis.commands().pttl(key)).isBetween(1L, 3000L);
		long remaining = waitUntilPttlBelow(key, 2500);
		HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
		assertThat(Json.read(read.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		assertThat(redis.commands().pttl(key)).isGreaterThan(remaining);
	}

	private long waitUntilPttlBelow(String key, long millis) throws InterruptedException {
		long pttl = redis.commands().pttl(key);
		while (pttl >= millis) {
			Thread.sleep(50);
			pttl = redis.commands().pttl(key);
		}
		assertThat(pttl).as("time left before the session expires").isPositive();
		return pttl;
	}

}
