package org.curveball.session.autoconfigure.health;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.redis.CurveballSessionRedis;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that reports the Redis connection dedicated to sessions in
 * {@code /actuator/health} as {@code curveballSessionRedis}. Boot's Redis health covers
 * the application's connection, the one sessions share otherwise.
 */
@AutoConfiguration(after = CurveballSessionRedisAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, DataRedisHealthIndicator.class })
@ConditionalOnBean(name = CurveballSessionRedisAutoConfiguration.DEDICATED_CONNECTION_FACTORY_BEAN_NAME)
@ConditionalOnEnabledHealthIndicator("curveball-session-redis")
public final class CurveballSessionRedisHealthContributorAutoConfiguration {

	@Bean
	HealthIndicator curveballSessionRedisHealthIndicator(
			@CurveballSessionRedis RedisConnectionFactory connectionFactory) {
		return new DataRedisHealthIndicator(connectionFactory);
	}

}
