package org.curveball.session.sample;

import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.FreePorts;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that give sessions a Redis connection of their own: the test class's
 * server through {@code curveball.session.redis.host} and {@code port}, while the
 * application's connection ({@code spring.data.redis.*}) points at a port where nothing
 * answers.
 */
abstract class AbstractSessionOnlyRedisSampleTests extends AbstractSampleHttpTests {

	@DynamicPropertySource
	static void sessionOnlyRedis(DynamicPropertyRegistry registry) {
		registry.add("curveball.session.redis.host", redis::host);
		registry.add("curveball.session.redis.port", redis::port);
		registry.add("spring.data.redis.port", FreePorts::find);
	}

}
