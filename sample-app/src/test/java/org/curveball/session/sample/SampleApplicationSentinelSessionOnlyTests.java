package org.curveball.session.sample;

import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with a session connection of its own to a real Redis Sentinel setup
 * ({@code curveball.session.redis.sentinel.*}), while the application's connection goes
 * to another Redis: sessions live on the Sentinel's master alone, and survive its
 * failover as on the shared connection.
 */
class SampleApplicationSentinelSessionOnlyTests extends AbstractSampleSentinelTests {

	@DynamicPropertySource
	static void sessionSentinels(DynamicPropertyRegistry registry) {
		registry.add("curveball.session.redis.sentinel.master", () -> redisSentinel.sentinel().masterName());
		registry.add("curveball.session.redis.sentinel.nodes", () -> redisSentinel.sentinel().sentinelAddresses());
	}

	@Test
	void sessions_areKeptOnTheMasterNotOnTheApplicationsRedis() {
		SetCookie cookie = createSession("user", "\"ada\"");
		assertThat(Json.read(storedOnMaster(cookie))).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		assertThat(redis.commands().keys("*")).as("keys in the application's Redis").isEmpty();
	}

}
