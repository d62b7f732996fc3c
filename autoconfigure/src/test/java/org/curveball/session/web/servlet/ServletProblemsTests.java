package org.curveball.session.web.servlet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.Session;
import org.curveball.session.testing.AbstractRedisWebApplicationTests;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.web.SessionCookies;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServletProblems} over real HTTP: what a browser and an API client get
 * when the session store does not answer.
 */
@SpringBootTest(classes = ServletProblemsTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "curveball.session.redis.timeout=1s")
class ServletProblemsTests extends AbstractRedisWebApplicationTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void storeUnavailable_browser_getsTheErrorPage() throws Exception {
		HttpResponse<String> response = whileRedisIsStopped("text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("503");
	}

	@Test
	void storeUnavailable_apiClient_getsTheProblem() throws Exception {
		HttpResponse<String> response = whileRedisIsStopped("application/json");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":503");
	}

	@Test
	void storeUnavailable_clientAcceptingAnything_getsTheProblem() throws Exception {
		HttpResponse<String> response = whileRedisIsStopped("*/*");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private HttpResponse<String> whileRedisIsStopped(String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/name"))
			.header("Accept", accept)
			.header("Cookie", "CB=" + SessionCookies.encodeURIComponent(SessionCookies.newId()))
			.build();
		redis.stop();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		finally {
			redis.start();
		}
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

	}

}
