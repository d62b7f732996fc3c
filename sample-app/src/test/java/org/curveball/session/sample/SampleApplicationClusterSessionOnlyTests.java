package org.curveball.session.sample;

import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with a session connection of its own to a real Redis Cluster
 * ({@code curveball.session.redis.cluster.nodes}), while the application's connection
 * goes to another Redis: sessions live on the cluster alone, and survive a master's
 * failover as on the shared connection.
 */
class SampleApplicationClusterSessionOnlyTests extends AbstractSampleClusterTests {

	@DynamicPropertySource
	static void sessionClusterNodes(DynamicPropertyRegistry registry) {
		registry.add("curveball.session.redis.cluster.nodes", () -> redisCluster.cluster().nodeAddresses());
	}

	@Test
	void sessions_areKeptOnTheClusterNotOnTheApplicationsRedis() {
		SetCookie cookie = createSession("user", "\"ada\"");
		assertThat(Json.read(storedOnCluster(cookie))).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		assertThat(redis.commands().keys("*")).as("keys in the application's Redis").isEmpty();
	}

}
