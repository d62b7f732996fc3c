package org.curveball.session.web.reactive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.curveball.session.Session;
import org.curveball.session.testing.AbstractRedisReactiveWebApplicationTests;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every request of a keep-alive connection is answered when some of them wait
 * for Redis and the next ones do not, over real HTTP against a WebFlux application on
 * Netty and a real Redis. Before the store's answers were handed back to the connection's
 * event loop ({@link ConnectionEventLoop}), this sequence stalled the connection about
 * once in forty pairs of requests.
 */
@SpringBootTest(classes = SessionWebFilterKeepAliveHttpTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionWebFilterKeepAliveHttpTests extends AbstractRedisReactiveWebApplicationTests {

	private static final int PAIRS = 300;

	// one HTTP/1.1 connection, kept alive between requests
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void keepAliveConnection_requestsThatReadTheSessionAlternatingWithOnesThatDoNot_areAllAnswered() throws Exception {
		HttpResponse<String> created = send("/session/name", null);
		String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
		String cookie = setCookie.substring(0, setCookie.indexOf(';'));
		for (int pair = 0; pair < PAIRS; pair++) {
			assertThat(send("/session/name", cookie).body()).as("reading the session, pair %d", pair).isEqualTo("ada");
			assertThat(send("/hello", cookie).body()).as("not reading the session, pair %d", pair).isEqualTo("hello");
		}
	}

	/**
	 * Send a GET, failing if it is not answered within two seconds: each of these
	 * requests takes a few milliseconds, so two seconds is a stall, not a slow machine.
	 */
	private HttpResponse<String> send(String path, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(2));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SessionController.class)
	static class App {

	}

	@RestController
	static class SessionController {

		@GetMapping("/session/name")
		String name(Session session) {
			if (session.isEmpty()) {
				session.put("name", "ada");
			}
			return String.valueOf(session.get("name"));
		}

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
