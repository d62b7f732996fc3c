package org.curveball.session.web.reactive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.Principal;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.curveball.session.Session;
import org.curveball.session.testing.AbstractRedisReactiveWebApplicationTests;
import org.curveball.session.web.SessionCookies;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionWebSessionManager} with Spring Security WebFlux over real HTTP
 * and a real Redis: its sign-in is kept in the Curveball session, under a new id, with no
 * session configuration.
 */
@SpringBootTest(classes = SessionWebSessionSecurityHttpTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionWebSessionSecurityHttpTests extends AbstractRedisReactiveWebApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void signIn_keepsSecurityContextInRedisUnderNewId_andLaterRequestsAreSignedIn() throws Exception {
		String before = cookieOf(send("GET", "/visit", null, null));
		HttpResponse<String> signIn = send("POST", "/login", before, "username=ada&password=lovelace");
		assertThat(signIn.statusCode()).isEqualTo(302);
		String after = cookieOf(signIn);
		assertThat(after).isNotEqualTo(before);
		assertThat(redis.commands().exists(key(before))).isZero();
		assertThat(redis.commands().get(key(after))).contains("\"SPRING_SECURITY_CONTEXT\"")
			.contains("\"visited\":true");
		HttpResponse<String> account = send("GET", "/account", after, null);
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).isEqualTo("ada");
	}

	@Test
	void withoutSignIn_accountIsRefused() throws Exception {
		assertThat(send("GET", "/account", null, null).statusCode()).isEqualTo(401);
	}

	private static String cookieOf(HttpResponse<String> response) {
		String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

	private static String key(String cookie) {
		return "session-" + SessionCookies.defaultCodec().idOf(cookie.substring("CB=".length()));
	}

	private HttpResponse<String> send(String method, String path, String cookie, String form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (form != null) ? BodyPublishers.ofString(form) : BodyPublishers.noBody());
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(AccountController.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange(
						(exchanges) -> exchanges.pathMatchers("/account").authenticated().anyExchange().permitAll())
				.formLogin((login) -> {
				})
				.httpBasic((basic) -> basic.authenticationEntryPoint((exchange, ex) -> Mono
					.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED))))
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("ada").password("{noop}lovelace").roles("USER").build());
		}

	}

	@RestController
	static class AccountController {

		@GetMapping("/visit")
		String visit(Session session) {
			session.put("visited", true);
			return "visited";
		}

		@GetMapping("/account")
		String account(Principal principal) {
			return principal.getName();
		}

	}

}
