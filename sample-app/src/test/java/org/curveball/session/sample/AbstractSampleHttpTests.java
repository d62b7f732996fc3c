package org.curveball.session.sample;

import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Base of the tests that drive the sample over HTTP against the Redis server of their
 * test class.
 * <p>
 * The Redis server of a test class stops when the class ends, before Spring releases the
 * class's application context, which lives on in Spring's cache. Stopping the application
 * first closes its Redis connections, so that they do not try to reconnect to a server
 * that is gone.
 */
abstract class AbstractSampleHttpTests {

	@LocalServerPort
	int port;

	SampleClient http() {
		return SampleClient.onLocalPort(this.port);
	}

	@AfterAll
	static void stopApplicationBeforeRedis(ConfigurableApplicationContext application) {
		application.stop();
	}

}
