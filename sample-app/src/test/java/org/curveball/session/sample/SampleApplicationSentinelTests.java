package org.curveball.session.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a real Redis Sentinel setup through the application's connection,
 * configured with Spring Boot's {@code spring.data.redis.sentinel.*} alone: sessions are
 * kept on the master.
 */
class SampleApplicationSentinelTests extends AbstractSampleSentinelTests {

	@DynamicPropertySource
	static void sentinels(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.sentinel.master", () -> redisSentinel.sentinel().masterName());
		registry.add("spring.data.redis.sentinel.nodes", () -> redisSentinel.sentinel().sentinelAddresses());
	}

	@Test
	void sessions_areKeptOnTheMaster() {
		SetCookie cookie = createSession("user", "\"ada\"");
		HttpResponse<String> updated = http().put("/api/session/lang", "\"en\"").cookie(cookie.pair()).send();
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(Json.read(storedOnMaster(cookie))).isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
	}

}
