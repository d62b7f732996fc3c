package org.curveball.session.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.curveball.session.SessionObserver;
import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.micrometer.MicrometerSessionObserver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the metrics of Curveball sessions: store operations timed by
 * outcome, and sessions created, ended and regenerated, in the application's
 * {@link MeterRegistry}. Other {@link SessionObserver} beans of the application are told
 * too.
 */
@AutoConfiguration(after = CurveballSessionRedisAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, SessionManager.class })
public final class CurveballSessionMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MicrometerSessionObserver curveballSessionMetrics(MeterRegistry registry) {
		return new MicrometerSessionObserver(registry);
	}

}
