package org.curveball.session.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests that drive a reactive (WebFlux on Netty) application with Curveball
 * sessions over real HTTP against a Redis server of the test class's own, with BlockHound
 * installed: a blocking call on an event loop fails the request.
 */
@ExtendWith(BlockHoundExtension.class)
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
public abstract class AbstractRedisReactiveWebApplicationTests extends AbstractRedisWebApplicationTests {

}
