package org.curveball.session.sample.testing;

import java.net.http.HttpResponse;

import org.curveball.session.testing.AbstractRedisWebApplicationTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that drive a sample, servlet or WebFlux, over HTTP against a Redis
 * server of their test class's own, which is the application's Redis connection.
 */
public abstract class AbstractSampleHttpTests extends AbstractRedisWebApplicationTests {

	/**
	 * Return a client of the application under test.
	 * @return the client
	 */
	protected SampleClient http() {
		return SampleClient.onLocalPort(this.port);
	}

	/**
	 * Create a session that holds one value, as a browser's first write does.
	 * @param key the key
	 * @param json the value, as JSON
	 * @return the cookie that the response set
	 */
	protected SetCookie createSession(String key, String json) {
		HttpResponse<String> response = http().put("/api/session/" + key, json).send();
		assertThat(response.statusCode()).as(response::body).isEqualTo(200);
		return SetCookie.only(response);
	}

	/**
	 * Return what Redis holds for a session.
	 * @param id the session's id
	 * @return the stored JSON, or {@code null} if there is none
	 */
	protected String stored(String id) {
		return redis.commands().get("session-" + id);
	}

}
