package org.curveball.session.sample;

import java.util.stream.Stream;

import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.testing.RedisServerExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance of the sample that a test starts itself, on a free port, against the Redis
 * server of its test class, for tests that run more than one instance or control when it
 * starts.
 *
 * @param context the running application
 */
record RunningSample(ConfigurableApplicationContext context) implements AutoCloseable {

	/**
	 * Start an instance. Its settings are command-line arguments, which win over the
	 * sample's {@code application.yml}.
	 * @param redis the Redis server of the test class
	 * @param arguments more settings, such as
	 * {@code --curveball.session.redis.timeout=1s}
	 * @return the running instance
	 */
	static RunningSample start(RedisServerExtension redis, String... arguments) {
		String[] settings = Stream
			.concat(Stream.of("--server.port=0", "--sample.embedded-redis.enabled=false",
					"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port()),
					Stream.of(arguments))
			.toArray(String[]::new);
		return new RunningSample(new SpringApplicationBuilder(SampleApplication.class).run(settings));
	}

	int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Return the address of a page of this instance.
	 * @param path the page's path
	 * @return the address
	 */
	String url(String path) {
		return "http://localhost:" + port() + path;
	}

	SampleClient http() {
		return SampleClient.onLocalPort(port());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
