package org.curveball.session.web.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.curveball.session.testing.AbstractRedisReactiveWebApplicationTests;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.web.SessionCookies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link SessionSaveHook}s of {@link SessionWebFilter}, over real HTTP
 * against a WebFlux application and a real Redis: they run in their beans' order, only
 * for an exchange that read its session, before the save, which stores what they put and
 * goes on on the connection's event loop; a hook that fails fails the save, which stores
 * nothing.
 */
@SpringBootTest(classes = SessionSaveHookHttpTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionSaveHookHttpTests extends AbstractRedisReactiveWebApplicationTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(SessionWebFilter.class,
			"Session could not be saved: the second hook refuses");

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private AtomicInteger hookCalls;

	@Autowired
	private AtomicReference<String> committedOn;

	@Test
	void hooks_runInOrderBeforeTheSave_whichStoresWhatTheyPut() throws Exception {
		HttpResponse<String> response = send("PUT", "/session/name", null, "ada");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(redis.commands().get(key(cookieOf(response))))
			.isEqualTo("{\"name\":\"ada\",\"hooks\":\"first, second\"}");
	}

	@Test
	void exchangeThatDoesNotReadItsSession_callsNoHook() throws Exception {
		String cookie = cookieOf(send("PUT", "/session/name", null, "ada"));
		this.hookCalls.set(0);
		assertThat(send("GET", "/hello", cookie, null).body()).isEqualTo("hello");
		assertThat(this.hookCalls).hasValue(0);
		assertThat(send("GET", "/session/name", cookie, null).body()).isEqualTo("ada");
		assertThat(this.hookCalls).hasValue(2);
	}

	@Test
	void hookOnAnotherScheduler_handsTheRestOfTheResponseBackToTheConnectionsEventLoop() throws Exception {
		assertThat(send("GET", "/session/name", null, null).body()).as("a read of no session, which saves nothing")
			.isEqualTo("null");
		assertThat(this.committedOn.get()).as("the thread").endsWith(" (an event loop)");
	}

	@Test
	void failingHook_failsTheSave_andNothingIsStored() throws Exception {
		HttpResponse<String> response = send("PUT", "/session/refused", null, "yes");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(redis.commands().keys("*")).isEmpty();
	}

	private HttpResponse<String> send(String method, String path, @Nullable String cookie, @Nullable String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private static String cookieOf(HttpResponse<String> response) {
		String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

	private static String key(String cookie) {
		return "session-" + SessionCookies.defaultCodec().idOf(cookie.substring("CB=".length()));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SessionWebFilterHttpTests.SessionController.class)
	static class App {

		@Bean
		AtomicInteger hookCalls() {
			return new AtomicInteger();
		}

		@Bean
		AtomicReference<String> committedOn() {
			return new AtomicReference<>();
		}

		/**
		 * Runs after the session filter, so that what it registers to run before the
		 * response is committed runs after the session is saved.
		 */
		@Bean
		WebFilter commitThreadRecorder(AtomicReference<String> committedOn) {
			return (exchange, chain) -> {
				exchange.getResponse()
					.beforeCommit(() -> Mono.fromRunnable(() -> committedOn.set(Thread.currentThread().getName()
							+ (Schedulers.isInNonBlockingThread() ? " (an event loop)" : " (not an event loop)"))));
				return chain.filter(exchange);
			};
		}

		@Bean
		@Order(2)
		SessionSaveHook secondHook(AtomicInteger hookCalls) {
			return (exchange, session) -> {
				hookCalls.incrementAndGet();
				if (session.get("refused") != null) {
					return Mono.error(new IllegalStateException("the second hook refuses"));
				}
				// where a hook that blocks works
				return Mono.<Void>fromRunnable(() -> {
					if (session.get("hooks") != null) {
						session.put("hooks", session.get("hooks") + ", second");
					}
				}).subscribeOn(Schedulers.boundedElastic());
			};
		}

		@Bean
		@Order(1)
		SessionSaveHook firstHook(AtomicInteger hookCalls) {
			return (exchange, session) -> {
				hookCalls.incrementAndGet();
				if (session.get("name") != null && session.get("hooks") == null) {
					session.put("hooks", "first");
				}
				return Mono.empty();
			};
		}

	}

}
