package org.curveball.session.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.SessionStoreException;
import org.curveball.session.autoconfigure.health.CurveballSessionRedisHealthContributorAutoConfiguration;
import org.curveball.session.autoconfigure.metrics.CurveballSessionMetricsAutoConfiguration;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionManager;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.Failover;
import org.curveball.session.testing.RedisSentinelExtension;
import org.curveball.session.testing.RedisTestSentinel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SessionConnectionConfiguration} on a real Redis Sentinel setup: the
 * connection that sessions get from {@code curveball.session.redis.sentinel.*}, with its
 * credentials, health and metrics.
 */
class SessionConnectionConfigurationSentinelTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@RegisterExtension
	static final RedisSentinelExtension redis = new RedisSentinelExtension();

	private static final String DEDICATED_FACTORY = CurveballSessionRedisAutoConfiguration.DEDICATED_CONNECTION_FACTORY_BEAN_NAME;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				CurveballSessionRedisHealthContributorAutoConfiguration.class,
				CurveballSessionMetricsAutoConfiguration.class, DataRedisAutoConfiguration.class,
				JacksonAutoConfiguration.class));

	@Test
	void sentinelMasterAndNodes_sessionsKeptOnTheMasterThroughADedicatedConnectionBesideBootOne() {
		RedisTestSentinel sentinel = redis.sentinel();
		this.contextRunner.withPropertyValues(sentinelProperties("spring.data.redis.host=app.example"))
			.run((context) -> {
				assertThat(context.getBean("redisConnectionFactory", LettuceConnectionFactory.class).getHostName())
					.isEqualTo("app.example");
				RedisSessionStore store = context.getBean(RedisSessionStore.class);
				String id = store.newSessionId();
				store.set(id, "{\"user\":\"ada\"}", Duration.ofMinutes(5));
				assertThat(sentinel.master().commands().get(store.key(id))).isEqualTo("{\"user\":\"ada\"}");
			});
	}

	@Test
	void sentinelCredentials_areTheSentinelsAndTheDatabaseTheMasters() {
		this.contextRunner.withPropertyValues(sentinelProperties("curveball.session.redis.sentinel.username=watcher",
				"curveball.session.redis.sentinel.password=sentinel-secret", "curveball.session.redis.username=alice",
				"curveball.session.redis.password=secret", "curveball.session.redis.database=2"))
			.run((context) -> {
				RedisSentinelConfiguration configuration = context
					.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class)
					.getSentinelConfiguration();
				assertThat(configuration.getMaster().getName()).isEqualTo(redis.sentinel().masterName());
				assertThat(configuration.getSentinelUsername()).isEqualTo("watcher");
				assertThat(configuration.getSentinelPassword().get()).containsExactly("sentinel-secret".toCharArray());
				assertThat(configuration.getUsername()).isEqualTo("alice");
				assertThat(configuration.getPassword().get()).containsExactly("secret".toCharArray());
				assertThat(configuration.getDatabase()).isEqualTo(2);
			});
	}

	@Test
	void dedicatedSentinelConnection_healthIsUp() {
		this.contextRunner.withPropertyValues(sentinelProperties())
			.run((context) -> assertThat(
					context.getBean("curveballSessionRedisHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void masterDown_sessionsTimedAsErrorsUntilThePromotionThenServedAgain() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues(sentinelProperties())
			.run((context) -> {
				SessionManager sessions = context.getBean(SessionManager.class);
				LazySession created = sessions.open(null, () -> null);
				created.put("user", "ada");
				String id = created.commit().id();
				Failover failover = redis.sentinel().killMaster();
				assertThatExceptionOfType(SessionStoreException.class)
					.isThrownBy(() -> sessions.open(id, () -> null).isEmpty());
				failover.awaitPromotion(Duration.ofSeconds(30));
				await().atMost(Duration.ofSeconds(10))
					.ignoreExceptions()
					.until(() -> "ada".equals(sessions.open(id, () -> null).get("user", String.class)));
				SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
				assertThat(registry.get("curveball.session.store").tag("outcome", "error").timer().count())
					.isPositive();
				assertThat(registry.get("curveball.session.store").tag("outcome", "hit").timer().count()).isEqualTo(1);
			});
	}

	private static String[] sentinelProperties(String... others) {
		RedisTestSentinel sentinel = redis.sentinel();
		List<String> properties = new ArrayList<>(
				List.of("curveball.session.redis.sentinel.master=" + sentinel.masterName(),
						"curveball.session.redis.sentinel.nodes=" + sentinel.sentinelAddresses()));
		properties.addAll(List.of(others));
		return properties.toArray(String[]::new);
	}

}
