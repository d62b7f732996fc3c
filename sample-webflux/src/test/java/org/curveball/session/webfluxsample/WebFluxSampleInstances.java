package org.curveball.session.webfluxsample;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.testing.RedisServerExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * JUnit extension that runs instances of the WebFlux sample on Reactor Netty, each on a
 * free port, against the Redis server of a test class, as behind a load balancer.
 * Register it on a static field ordered after the Redis server's, so that the instances
 * start after it and stop before it.
 */
final class WebFluxSampleInstances implements BeforeAllCallback, AfterAllCallback {

	private final RedisServerExtension redis;

	private final int count;

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	WebFluxSampleInstances(RedisServerExtension redis, int count) {
		this.redis = redis;
		this.count = count;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		for (int i = 0; i < this.count; i++) {
			this.running.add(start(this.redis));
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		for (int i = this.running.size() - 1; i >= 0; i--) {
			this.running.get(i).close();
		}
		this.running.clear();
	}

	/**
	 * Start an instance of the WebFlux sample against a Redis server.
	 * @param redis the Redis server
	 * @return the running instance
	 */
	static ConfigurableApplicationContext start(RedisServerExtension redis) {
		return new SpringApplicationBuilder(WebFluxSampleApplication.class, ReactorNettyServer.class)
			.web(WebApplicationType.REACTIVE)
			.run("--server.port=0", "--sample.embedded-redis.enabled=false", "--spring.data.redis.host=" + redis.host(),
					"--spring.data.redis.port=" + redis.port());
	}

	/**
	 * Return a client of an instance that runs.
	 * @param index which instance, from 0
	 * @return the client
	 */
	SampleClient http(int index) {
		return client(this.running.get(index));
	}

	/**
	 * Return a client of a running application.
	 * @param application the application
	 * @return the client
	 */
	static SampleClient client(ConfigurableApplicationContext application) {
		return SampleClient
			.onLocalPort(application.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

}
