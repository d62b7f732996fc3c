package org.curveball.session.webfluxsample;

import java.net.http.HttpResponse;

import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.AbstractRedisWebApplicationTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that drive the WebFlux sample over HTTP, on Reactor Netty, against a
 * Redis server of their test class's own, which is the application's Redis connection.
 */
@SpringBootTest(classes = { WebFluxSampleApplication.class, ReactorNettyServer.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "sample.embedded-redis.enabled=false" })
abstract class AbstractWebFluxSampleHttpTests extends AbstractRedisWebApplicationTests {

	SampleClient http() {
		return SampleClient.onLocalPort(this.port);
	}

	/**
	 * Create a session that holds one value, as a browser's first write does.
	 * @param key the key
	 * @param json the value, as JSON
	 * @return the cookie that the response set
	 */
	SetCookie createSession(String key, String json) {
		HttpResponse<String> response = http().put("/api/session/" + key, json).send();
		assertThat(response.statusCode()).as(response::body).isEqualTo(200);
		return SetCookie.only(response);
	}

	String stored(String id) {
		return redis.commands().get("session-" + id);
	}

}
