package org.curveball.session.autoconfigure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionCommit;
import org.curveball.session.core.SessionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions kept in the Redis that {@code @ServiceConnection} provides, with no
 * {@code curveball.session.redis.*} connection property: the store then uses the
 * application's connection, which Boot builds from the container's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Testcontainers
@EnabledIf(value = "org.curveball.session.testing.RedisTestServer#isDockerAvailable",
		disabledReason = "No Docker engine answers: this test runs Redis in a redis:7 container (Testcontainers) "
				+ "to check @ServiceConnection")
class SessionConnectionConfigurationServiceConnectionTests {

	private static final int REDIS_PORT = 6379;

	@Container
	@ServiceConnection(name = "redis")
	static final GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7"))
		.withExposedPorts(REDIS_PORT);

	@Autowired
	SessionManager sessions;

	@AfterAll
	static void stopApplicationBeforeRedis(ConfigurableApplicationContext application) {
		application.stop();
	}

	@Test
	void session_serviceConnection_isStoredInItsRedis() {
		LazySession session = this.sessions.open(null, () -> null);
		session.put("userId", 5);
		SessionCommit commit = session.commit();
		assertThat(commit.outcome()).isEqualTo(SessionCommit.Outcome.CREATED);
		RedisClient client = RedisClient.create(RedisURI.create(redis.getHost(), redis.getMappedPort(REDIS_PORT)));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().get("session-" + commit.id())).isEqualTo("{\"userId\":5}");
		}
		finally {
			client.shutdown();
		}
		assertThat(this.sessions.open(commit.id(), () -> null).get("userId")).isEqualTo(5);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServiceConnectionApplication {

	}

}
