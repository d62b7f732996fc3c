package org.curveball.session.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

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

	@AfterAll
	static void stopApplicationBeforeRedis(ConfigurableApplicationContext application) {
		application.stop();
	}

}
