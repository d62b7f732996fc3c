package org.curveball.session.web.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.curveball.session.Session;
import org.curveball.session.testing.AbstractRedisReactiveWebApplicationTests;
import org.curveball.session.web.SessionCookies;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@code max-lifetime} on WebFlux over real HTTP and a real Redis: a session
 * used all along ends once it is older than the limit.
 */
@SpringBootTest(classes = SessionWebFilterMaxLifetimeHttpTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "curveball.session.redis.max-lifetime=2s")
class SessionWebFilterMaxLifetimeHttpTests extends AbstractRedisReactiveWebApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void sessionOlderThanMaxLifetime_readsAsNoSessionAndIsDeleted() throws Exception {
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/name")).PUT(BodyPublishers.ofString("ada")));
		String setCookie = created.headers().firstValue("Set-Cookie").orElseThrow();
		String cookie = setCookie.substring(0, setCookie.indexOf(';'));
		String key = "session-" + SessionCookies.defaultCodec().idOf(cookie.substring("CB=".length()));
		assertThat(send(HttpRequest.newBuilder(uri("/name")).header("Cookie", cookie)).body()).isEqualTo("ada");
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(send(HttpRequest.newBuilder(uri("/name")).header("Cookie", cookie)).body())
				.isEqualTo("null"));
		assertThat(redis.commands().exists(key)).isZero();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(NameController.class)
	static class App {

	}

	@RestController
	static class NameController {

		@GetMapping("/name")
		String name(Session session) {
			return String.valueOf(session.get("name"));
		}

		@PutMapping("/name")
		String setName(Session session, @RequestBody String name) {
			session.put("name", name);
			return "ok";
		}

	}

}
