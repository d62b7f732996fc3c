package org.curveball.session.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionCommit;
import org.curveball.session.core.SessionManager;
import org.curveball.session.testing.RedisServerExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions kept in the Redis that a {@link DataRedisConnectionDetails} bean names, as
 * {@code @ServiceConnection} and Docker Compose support provide it, with no
 * {@code curveball.session.redis.*} connection property. Runs without Docker, against the
 * test suite's own Redis; {@link SessionConnectionConfigurationServiceConnectionTests}
 * does the same with a container where Docker answers.
 */
class SessionConnectionConfigurationConnectionDetailsTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.host=properties.invalid");

	@Test
	void session_connectionDetailsBean_isStoredInItsRedis() {
		this.contextRunner
			.withBean(DataRedisConnectionDetails.class,
					() -> new StandaloneConnectionDetails(redis.host(), redis.port()))
			.run((context) -> {
				LazySession session = context.getBean(SessionManager.class).open(null, () -> null);
				session.put("userId", 5);
				SessionCommit commit = session.commit();
				assertThat(commit.outcome()).isEqualTo(SessionCommit.Outcome.CREATED);
				assertThat(redis.commands().get("session-" + commit.id())).isEqualTo("{\"userId\":5}");
			});
	}

	private record StandaloneConnectionDetails(String host, int port) implements DataRedisConnectionDetails {

		@Override
		public Standalone getStandalone() {
			return Standalone.of(this.host, this.port);
		}

	}

}
