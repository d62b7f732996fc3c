package org.curveball.session.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that drive a web application with Curveball sessions over real HTTP
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}), against a Redis server of the
 * test class's own that is the application's Redis connection.
 * <p>
 * Each test class gets its own server and its own application, closed when the class
 * ends: the server of a class is gone once it ends, so an application cached for the next
 * class would talk to a dead port. The application stops before its server does, so that
 * its connections do not try to reconnect to a server that is gone.
 */
@DirtiesContext
public abstract class AbstractRedisWebApplicationTests {

	/**
	 * The test class's Redis server.
	 */
	@RegisterExtension
	protected static final RedisServerExtension redis = new RedisServerExtension();

	/**
	 * The port the application listens on.
	 */
	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void applicationRedis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", redis::host);
		registry.add("spring.data.redis.port", redis::port);
	}

	@AfterAll
	static void stopApplicationBeforeRedis(ConfigurableApplicationContext application) {
		application.stop();
	}

}
