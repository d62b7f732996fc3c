package org.curveball.session.webfluxsample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;

/**
 * Runs the WebFlux sample for a test class on Reactor Netty, on a random port, as a
 * reactive application (the tests' class path holds the servlet sample too, for the
 * cross-stack tests), without its embedded Redis: the class's Redis server is the
 * application's connection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { WebFluxSampleApplication.class, ReactorNettyServer.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "sample.embedded-redis.enabled=false" })
@interface WebFluxSampleTest {

	/**
	 * More properties for the application, as {@code key=value}.
	 * @return the properties
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "args")
	String[] args() default {};

}
