package org.curveball.session.web.reactive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.curveball.session.Session;
import org.curveball.session.testing.AbstractRedisReactiveWebApplicationTests;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.web.SessionCookies;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SessionWebFilter} and the session of annotated controllers, functional
 * endpoints and {@code WebSession}, over real HTTP against a WebFlux application on Netty
 * and a real Redis, with BlockHound installed: the cookie, the Redis commands each kind
 * of request costs, group commit, and failures.
 */
@SpringBootTest(classes = SessionWebFilterHttpTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "curveball.session.redis.max-size=1KB")
class SessionWebFilterHttpTests extends AbstractRedisReactiveWebApplicationTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting()
		.and(SessionWebFilter.class, "Session could not be saved")
		.and("org.springframework.boot.webflux.autoconfigure.error.AbstractErrorWebExceptionHandler", "/blocking");

	private static final Set<String> FIXTURE_COMMANDS = Set.of("config", "config|resetstat", "info");

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Open the application's connection and load the save script, as on a server that has
	 * run for a while, so that each test counts only its own commands.
	 * @throws Exception if the application does not answer
	 */
	@BeforeEach
	void warmUp() throws Exception {
		String cookie = cookieOf(send("PUT", "/session/warm", null, "up"));
		send("PUT", "/session/warm", cookie, "again");
		redis.flushAll();
		redis.resetStats();
	}

	@Test
	void firstWrite_setsCurveballCookieAndCostsOneSet() throws Exception {
		HttpResponse<String> response = send("PUT", "/session/name", null, "ada");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(sessionCommands()).isEqualTo(Map.of("set", 1L));
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		String value = cookie.substring("CB=".length(), cookie.indexOf(';'));
		assertThat(cookie).isEqualTo("CB=" + value + "; Path=/; HttpOnly; SameSite=Lax");
		String id = SessionCookies.defaultCodec().idOf(value);
		assertThat(redis.commands().get("session-" + id)).isEqualTo("{\"name\":\"ada\"}");
	}

	@Test
	void requestNotUsingSession_liveCookie_costsNoCommandAndSetsNoCookie() throws Exception {
		String cookie = newSession();
		HttpResponse<String> response = send("GET", "/hello", cookie, null);
		assertThat(response.body()).isEqualTo("hello");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(sessionCommands()).isEmpty();
	}

	@Test
	void read_costsOneGetexAndSetsNoCookie() throws Exception {
		String cookie = newSession();
		HttpResponse<String> response = send("GET", "/session/name", cookie, null);
		assertThat(response.body()).isEqualTo("ada");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(sessionCommands()).isEqualTo(Map.of("getex", 1L));
	}

	@Test
	void writeToExistingSession_costsGetexAndEvalsha() throws Exception {
		String cookie = newSession();
		HttpResponse<String> response = send("PUT", "/session/city", cookie, "london");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(sessionCommands())
			.as("GETEX, then EVALSHA of the save script, which runs a GET and a SET inside Redis")
			.isEqualTo(Map.of("getex", 1L, "evalsha", 1L, "get", 1L, "set", 1L));
		assertThat(redis.commands().get(key(cookie))).isEqualTo("{\"name\":\"ada\",\"city\":\"london\"}");
	}

	@Test
	void malformedCookie_costsNoCommand() throws Exception {
		HttpResponse<String> response = send("GET", "/session/name", "CB=not-an-id", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(sessionCommands()).isEmpty();
	}

	@Test
	void regenerate_movesValuesToNewIdAndDeletesOldKey() throws Exception {
		String cookie = newSession();
		HttpResponse<String> response = send("POST", "/session/regenerate", cookie, null);
		String newCookie = cookieOf(response);
		assertThat(newCookie).isNotEqualTo(cookie);
		assertThat(redis.commands().exists(key(cookie))).isZero();
		assertThat(redis.commands().get(key(newCookie))).isEqualTo("{\"name\":\"ada\"}");
	}

	@Test
	void end_deletesKeyAndClearsCookie() throws Exception {
		String cookie = newSession();
		HttpResponse<String> response = send("DELETE", "/session", cookie, null);
		assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(
				(cleared) -> assertThat(cleared).startsWith("CB=; Path=/; Max-Age=0;").contains("HttpOnly"));
		assertThat(redis.commands().exists(key(cookie))).isZero();
	}

	@Test
	void functionalEndpoint_readsTheSameSession() throws Exception {
		String cookie = newSession();
		assertThat(send("GET", "/fn/name", cookie, null).body()).isEqualTo("ada");
	}

	@Test
	void webSession_isAViewOfTheSameSession() throws Exception {
		String cookie = newSession();
		HttpResponse<String> response = send("PUT", "/web-session/city", cookie, "paris");
		assertThat(response.body()).isEqualTo("ada");
		assertThat(redis.commands().get(key(cookie))).isEqualTo("{\"name\":\"ada\",\"city\":\"paris\"}");
	}

	@Test
	void concurrentWritersOfDistinctKeys_loseNothing() throws Exception {
		String cookie = newSession();
		List<CompletableFuture<HttpResponse<String>>> writes = IntStream.range(0, 64)
			.mapToObj((i) -> this.http.sendAsync(request("PUT", "/session/k" + i, cookie, "v" + i),
					BodyHandlers.ofString()))
			.toList();
		assertThat(writes.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);
		String stored = redis.commands().get(key(cookie));
		assertThat(IntStream.range(0, 64).mapToObj((i) -> "\"k" + i + "\":\"v" + i + "\""))
			.allSatisfy((entry) -> assertThat(stored).contains(entry));
	}

	@Test
	void logoutRacingSlowWriter_staysLoggedOut() throws Exception {
		String cookie = newSession();
		CompletableFuture<HttpResponse<String>> slow = this.http.sendAsync(request("PUT", "/slow/city", cookie, "rome"),
				BodyHandlers.ofString());
		await().atMost(Duration.ofSeconds(5)).until(() -> redis.commandCalls().containsKey("getex"));
		assertThat(send("DELETE", "/session", cookie, null).statusCode()).isEqualTo(200);
		assertThat(slow.join().statusCode()).isEqualTo(200);
		assertThat(redis.commands().exists(key(cookie))).isZero();
	}

	@Test
	void sessionOverMaxSize_isAnsweredWithProblemAndNotStored() throws Exception {
		HttpResponse<String> response = send("PUT", "/session/big", null, "x".repeat(2048));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(redis.commands().keys("*")).isEmpty();
	}

	@Test
	void redisStopped_sessionRequestsGet503_othersUntouched_thenRecover() throws Exception {
		String cookie = newSession();
		redis.stop();
		try {
			HttpResponse<String> failed = send("GET", "/session/name", cookie, null);
			assertThat(failed.statusCode()).isEqualTo(503);
			assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(failed.body()).contains("\"status\":503");
			assertThat(send("GET", "/hello", cookie, null).statusCode()).isEqualTo(200);
		}
		finally {
			redis.start();
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(send("GET", "/session/name", cookie, null).statusCode()).isEqualTo(200));
		String recovered = cookieOf(send("PUT", "/session/name", null, "grace"));
		assertThat(send("GET", "/session/name", recovered, null).body()).isEqualTo("grace");
	}

	@Test
	void csrfTokenInFormField_isAccepted_wrongOneAnswered403() throws Exception {
		HttpResponse<String> issued = send("GET", "/csrf", null, null);
		String cookie = cookieOf(issued);
		String token = SessionCookies.encodeURIComponent(issued.body());
		HttpResponse<String> accepted = this.http.send(form("/csrf", cookie, "csrf-token=" + token),
				BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(200);
		HttpResponse<String> refused = this.http.send(form("/csrf", cookie, "csrf-token=forged"),
				BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("https://curveball.org/errors/csrf-error");
	}

	@Test
	void blockingCallOnEventLoop_failsTheRequest() throws Exception {
		assertThat(send("GET", "/blocking", null, null).statusCode()).isEqualTo(500);
	}

	private HttpRequest form(String path, String cookie, String body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body))
			.build();
	}

	private String newSession() throws IOException, InterruptedException {
		String cookie = cookieOf(send("PUT", "/session/name", null, "ada"));
		redis.resetStats();
		return cookie;
	}

	private static String cookieOf(HttpResponse<String> response) {
		String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

	private static String key(String cookie) {
		return "session-" + SessionCookies.defaultCodec().idOf(cookie.substring("CB=".length()));
	}

	private Map<String, Long> sessionCommands() {
		return redis.commandCalls()
			.entrySet()
			.stream()
			.filter((entry) -> !FIXTURE_COMMANDS.contains(entry.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private HttpResponse<String> send(String method, String path, String cookie, String body)
			throws IOException, InterruptedException {
		return this.http.send(request(method, path, cookie, body), BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String path, String cookie, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return request.build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SessionController.class)
	static class App {

		@Bean
		RouterFunction<ServerResponse> functionalSession() {
			return RouterFunctions.route()
				.GET("/fn/{key}",
						(request) -> ReactiveSessions.of(request)
							.flatMap((session) -> ServerResponse.ok()
								.bodyValue(String.valueOf(session.get(request.pathVariable("key"))))))
				.build();
		}

	}

	@RestController
	static class SessionController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/session/{key}")
		String get(Session session, @PathVariable String key) {
			return String.valueOf(session.get(key));
		}

		@PutMapping("/session/{key}")
		String put(Session session, @PathVariable String key, @RequestBody String value) {
			session.put(key, value);
			return "ok";
		}

		@PutMapping("/slow/{key}")
		Mono<String> putSlowly(Session session, @PathVariable String key, @RequestBody String value) {
			return Mono.delay(Duration.ofMillis(500)).map((tick) -> {
				session.put(key, value);
				return "ok";
			});
		}

		@DeleteMapping("/session")
		String end(Session session) {
			session.invalidate();
			return "ended";
		}

		@PostMapping("/session/regenerate")
		String regenerate(Session session) {
			session.regenerateId();
			return "regenerated";
		}

		@PutMapping("/web-session/{key}")
		Mono<String> putThroughWebSession(WebSession webSession, @PathVariable String key, @RequestBody String value) {
			webSession.getAttributes().put(key, value);
			return Mono.just(String.valueOf(webSession.getAttributes().get("name")));
		}

		@GetMapping("/csrf")
		String csrfToken(Session session) {
			return session.csrfToken();
		}

		@PostMapping("/csrf")
		String checkCsrf(Session session) {
			session.validateCsrf();
			return "checked";
		}

		@GetMapping("/blocking")
		String blocking() throws InterruptedException {
			Thread.sleep(1);
			return "blocked";
		}

	}

}
