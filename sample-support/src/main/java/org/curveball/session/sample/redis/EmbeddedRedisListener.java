package org.curveball.session.sample.redis;

import java.io.IOException;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded Redis when nothing answers at the loopback address the sample's
 * sessions are configured to use, before any Redis client exists, and stops it when the
 * application context closes (after the beans that use it) or fails to start. Sessions on
 * a Redis Cluster or behind Sentinel get none: one server cannot stand in for them.
 * <p>
 * Registered in {@code META-INF/spring.factories}; set
 * {@code sample.embedded-redis.enabled=false} to turn it off.
 */
public final class EmbeddedRedisListener implements SmartApplicationListener {

	/**
	 * The property that turns the embedded Redis off when {@code false}.
	 */
	public static final String ENABLED_PROPERTY = "sample.embedded-redis.enabled";

	private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

	private static final Log logger = LogFactory.getLog(EmbeddedRedisListener.class);

	private @Nullable EmbeddedRedis redis;

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			startIfNeeded(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared && this.redis != null) {
			EmbeddedRedis started = this.redis;
			DefaultSingletonBeanRegistry beans = (DefaultSingletonBeanRegistry) prepared.getApplicationContext()
				.getBeanFactory();
			beans.registerDisposableBean("sampleEmbeddedRedis", started::close);
		}
		else if (event instanceof ApplicationFailedEvent) {
			stop();
		}
	}

	private void startIfNeeded(ConfigurableEnvironment environment) {
		if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		RedisAddress address = RedisAddress.of(environment).orElse(null);
		if (address == null || !address.isLoopback() || address.answers(PROBE_TIMEOUT)) {
			return;
		}
		this.redis = EmbeddedRedis.start(address);
		logger.info("No Redis answered at " + address + ": started the embedded Redis 6.2 there for this run "
				+ "(its data is lost when the application stops; " + ENABLED_PROPERTY + "=false turns this off)");
	}

	private void stop() {
		EmbeddedRedis started = this.redis;
		if (started != null) {
			try {
				started.close();
			}
			catch (IOException ex) {
				logger.warn("Could not stop the embedded Redis", ex);
			}
		}
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
