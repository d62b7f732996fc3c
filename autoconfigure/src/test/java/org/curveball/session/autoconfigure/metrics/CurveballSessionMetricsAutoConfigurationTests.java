package org.curveball.session.autoconfigure.metrics;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.curveball.session.SessionObserver;
import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.micrometer.MicrometerSessionObserver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurveballSessionMetricsAutoConfiguration}.
 */
class CurveballSessionMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				CurveballSessionMetricsAutoConfiguration.class, DataRedisAutoConfiguration.class,
				JacksonAutoConfiguration.class));

	@Test
	void meterRegistry_feedsSessionMetrics() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(MicrometerSessionObserver.class);
			context.getBean(SessionManager.class).cookieRejected();
			assertThat(context.getBean(SimpleMeterRegistry.class)
				.get("curveball.session.cookies.rejected")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void noMeterRegistry_noSessionMetrics() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MicrometerSessionObserver.class));
	}

	@Test
	void userSessionObserver_isToldBesideTheMetrics() {
		AtomicInteger rejected = new AtomicInteger();
		SessionObserver own = new SessionObserver() {

			@Override
			public void cookieRejected() {
				rejected.incrementAndGet();
			}

		};
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean(SessionObserver.class, () -> own)
			.run((context) -> {
				context.getBean(SessionManager.class).cookieRejected();
				assertThat(rejected).hasValue(1);
				assertThat(context.getBean(SimpleMeterRegistry.class)
					.get("curveball.session.cookies.rejected")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void micrometerSessionObserver_userBean_backsOff() {
		MicrometerSessionObserver own = new MicrometerSessionObserver(new SimpleMeterRegistry());
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean(MicrometerSessionObserver.class, () -> own)
			.run((context) -> assertThat(context).getBean(MicrometerSessionObserver.class).isSameAs(own));
	}

	@Test
	void sessionsDisabled_noSessionMetrics() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("curveball.session.redis.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MicrometerSessionObserver.class));
	}

}
