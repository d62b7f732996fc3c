package org.curveball.session.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.Principal;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.curveball.session.testing.AbstractRedisReactiveWebApplicationTests;
import org.curveball.session.web.SessionCookies;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.InvalidateLeastUsedServerMaximumSessionsExceededHandler;
import org.springframework.security.web.server.authentication.PreventLoginServerMaximumSessionsExceededHandler;
import org.springframework.security.web.server.authentication.ServerMaximumSessionsExceededHandler;
import org.springframework.security.web.server.authentication.SessionLimit;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveIndexedSessionRegistry} as Spring Security WebFlux's
 * concurrent-session control uses it, over real HTTP and a real Redis, with one session
 * per user: {@code ada} signing in again ends her least used session, {@code grace}
 * signing in again is refused. A sign-out ends its session, as Spring Security's
 * {@link WebSessionServerLogoutHandler} does, so that it no longer counts.
 */
@SpringBootTest(classes = ReactiveIndexedSessionRegistryHttpTests.App.class,
		webEnvironment = WebEnvironment.RANDOM_PORT)
class ReactiveIndexedSessionRegistryHttpTests extends AbstractRedisReactiveWebApplicationTests {

	@Test
	void secondSignIn_endsTheFirstSession_whoseNextRequestIsNotSignedIn() throws Exception {
		Browser first = new Browser();
		assertThat(first.signIn("ada", "lovelace")).isEqualTo("/");
		assertThat(first.account()).isEqualTo("ada");
		String firstKey = first.sessionKey();
		Browser second = new Browser();
		assertThat(second.signIn("ada", "lovelace")).isEqualTo("/");
		assertThat(second.account()).isEqualTo("ada");
		assertThat(redis.commands().exists(firstKey)).isZero();
		assertThat(first.account()).isNull();
		assertThat(second.account()).isEqualTo("ada");
	}

	@Test
	void secondSignIn_withPreventLogin_isRefused_untilTheFirstSignsOut() throws Exception {
		Browser first = new Browser();
		assertThat(first.signIn("grace", "hopper")).isEqualTo("/");
		Browser second = new Browser();
		assertThat(second.signIn("grace", "hopper")).isEqualTo("/login?error");
		assertThat(second.account()).isNull();
		assertThat(first.account()).isEqualTo("grace");
		first.signOut();
		assertThat(first.account()).isNull();
		assertThat(second.signIn("grace", "hopper")).isEqualTo("/");
		assertThat(second.account()).isEqualTo("grace");
	}

	/**
	 * A client with its own session cookie.
	 */
	private final class Browser {

		private @Nullable String cookie;

		/**
		 * Sign in with the login form.
		 * @return where the answer redirects to
		 */
		String signIn(String username, String password) throws IOException, InterruptedException {
			HttpResponse<String> response = send("POST", "/login", "username=" + username + "&password=" + password);
			assertThat(response.statusCode()).isEqualTo(302);
			return response.headers().firstValue("Location").orElseThrow();
		}

		void signOut() throws IOException, InterruptedException {
			assertThat(send("POST", "/logout", "").statusCode()).isEqualTo(302);
		}

		/**
		 * Ask who is signed in.
		 * @return the user's name, or {@code null} if the request is not signed in
		 */
		@Nullable String account() throws IOException, InterruptedException {
			HttpResponse<String> response = send("GET", "/account", null);
			if (response.statusCode() == 401) {
				return null;
			}
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}

		String sessionKey() {
			assertThat(this.cookie).isNotNull();
			return "session-" + SessionCookies.defaultCodec().idOf(this.cookie.substring("CB=".length()));
		}

		private HttpResponse<String> send(String method, String path, @Nullable String form)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + ReactiveIndexedSessionRegistryHttpTests.this.port + path))
				.method(method, (form != null) ? BodyPublishers.ofString(form) : BodyPublishers.noBody())
				.timeout(Duration.ofSeconds(10));
			if (form != null) {
				request.header("Content-Type", "application/x-www-form-urlencoded");
			}
			if (this.cookie != null) {
				request.header("Cookie", this.cookie);
			}
			// A connection per request: Reactor Netty may hold back a keep-alive request
			// that comes while the response before it, finished on another thread than
			// the connection's (as Spring Security's sign-in does), is still ending.
			HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
			response.headers().firstValue("Set-Cookie").ifPresent((setCookie) -> {
				String value = setCookie.substring(0, setCookie.indexOf(';'));
				this.cookie = value.equals("CB=") ? null : value;
			});
			return response;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@RestController
	static class App {

		@GetMapping("/account")
		String account(Principal principal) {
			return principal.getName();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("ada").password("{noop}lovelace").roles("USER").build(),
					User.withUsername("grace").password("{noop}hopper").roles("USER").build());
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			ServerMaximumSessionsExceededHandler invalidateLeastUsed = new InvalidateLeastUsedServerMaximumSessionsExceededHandler(
					new InMemoryWebSessionStore());
			ServerMaximumSessionsExceededHandler preventLogin = new PreventLoginServerMaximumSessionsExceededHandler();
			return http.csrf(ServerHttpSecurity.CsrfSpec::disable).formLogin((login) -> {
			})
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((exchange, ex) -> Mono
					.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED))))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
				.logout((logout) -> logout.logoutHandler(new DelegatingServerLogoutHandler(
						new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler())))
				.sessionManagement((sessions) -> sessions.concurrentSessions((concurrent) -> concurrent
					.maximumSessions(SessionLimit.of(1))
					.maximumSessionsExceededHandler((context) -> "grace".equals(context.getAuthentication().getName())
							? preventLogin.handle(context) : invalidateLeastUsed.handle(context))))
				.build();
		}

	}

}
