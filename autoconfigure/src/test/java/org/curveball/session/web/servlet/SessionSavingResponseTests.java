package org.curveball.session.web.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.curveball.session.Session;
import org.curveball.session.testing.AbstractRedisWebApplicationTests;
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
 * Tests for {@link SessionSavingResponse} over real HTTP and a real Redis: when the
 * session is saved and its cookie sent, relative to the body of the response.
 */
@SpringBootTest(classes = SessionSavingResponseTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionSavingResponseTests extends AbstractRedisWebApplicationTests {

	private static final String LARGE_BODY = "x".repeat(64 * 1024);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void sessionCreatedWhileWriting_bodyFlushedAfterwards_getsItsCookieAndIsStored() throws Exception {
		assertSessionStored(get("/writer-then-session-then-flush"), "{\"token\":\"t1\"}");
	}

	@Test
	void sessionCreatedWhileWriting_bodyFillsTheBufferAfterwards_getsItsCookieAndIsStored() throws Exception {
		HttpResponse<String> response = get("/writer-then-session-then-large-body");
		assertThat(response.body()).hasSize(LARGE_BODY.length() + 1);
		assertSessionStored(response, "{\"token\":\"t2\"}");
	}

	@Test
	void sessionCreatedWhileWriting_streamFlushedAfterwards_getsItsCookieAndIsStored() throws Exception {
		assertSessionStored(get("/stream-then-session-then-flush"), "{\"token\":\"t3\"}");
	}

	@Test
	void bodyWrittenWithoutSession_flushed_costsNoCommandAndSetsNoCookie() throws Exception {
		HttpResponse<String> response = get("/writer-without-session");
		assertThat(response.body()).isEqualTo("no session");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(redis.commandCalls()).doesNotContainKeys("set", "getex", "evalsha");
	}

	private void assertSessionStored(HttpResponse<String> response, String json) {
		assertThat(response.statusCode()).isEqualTo(200);
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		String id = SessionCookies.defaultCodec().idOf(cookie.substring("CB=".length(), cookie.indexOf(';')));
		assertThat(id).isNotNull();
		assertThat(redis.commands().get("session-" + id)).isEqualTo(json);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(BodyController.class)
	static class App {

	}

	/**
	 * Handlers that write their body as a view would, and use the session on the way.
	 */
	@RestController
	static class BodyController {

		@GetMapping("/writer-then-session-then-flush")
		void writerThenSessionThenFlush(Session session, HttpServletResponse response) throws IOException {
			PrintWriter writer = response.getWriter();
			writer.write("<p>");
			session.put("token", "t1");
			writer.flush();
			writer.write("</p>");
		}

		@GetMapping("/writer-then-session-then-large-body")
		void writerThenSessionThenLargeBody(Session session, HttpServletResponse response) throws IOException {
			PrintWriter writer = response.getWriter();
			writer.write("<");
			session.put("token", "t2");
			writer.write(LARGE_BODY);
		}

		@GetMapping("/stream-then-session-then-flush")
		void streamThenSessionThenFlush(Session session, HttpServletResponse response) throws IOException {
			ServletOutputStream body = response.getOutputStream();
			body.write('<');
			session.put("token", "t3");
			body.flush();
			body.write('>');
		}

		@GetMapping("/writer-without-session")
		void writerWithoutSession(HttpServletResponse response) throws IOException {
			PrintWriter writer = response.getWriter();
			writer.write("no session");
			writer.flush();
		}

	}

}
