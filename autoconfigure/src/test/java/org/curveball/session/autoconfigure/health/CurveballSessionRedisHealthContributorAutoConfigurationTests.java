package org.curveball.session.autoconfigure.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisServerExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurveballSessionRedisHealthContributorAutoConfiguration}: the health
 * of the connection the starter dedicates to sessions, against a real Redis.
 */
class CurveballSessionRedisHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings
		.from(DataRedisHealthIndicator.class, "Redis health check failed")
		.andPossiblyReconnecting();

	private static final String INDICATOR = "curveballSessionRedisHealthIndicator";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				CurveballSessionRedisHealthContributorAutoConfiguration.class, DataRedisAutoConfiguration.class,
				JacksonAutoConfiguration.class));

	@Test
	void dedicatedConnection_reportsUpThenDownWhenRedisStops() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.host=" + redis.host(),
					"curveball.session.redis.port=" + redis.port(), "curveball.session.redis.timeout=1s")
			.run((context) -> {
				HealthIndicator health = context.getBean(INDICATOR, HealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				redis.stop();
				try {
					assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
				}
				finally {
					redis.start();
				}
			});
	}

	@Test
	void sharedConnection_isLeftToBootsRedisHealth() {
		this.contextRunner.withPropertyValues("spring.data.redis.port=" + redis.port())
			.run((context) -> assertThat(context).doesNotHaveBean(INDICATOR));
	}

	@Test
	void dedicatedConnectionHealth_canBeSwitchedOff() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.port=" + redis.port(),
					"management.health.curveball-session-redis.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(INDICATOR));
	}

}
