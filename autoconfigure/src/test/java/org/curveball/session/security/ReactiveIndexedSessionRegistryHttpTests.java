package org.curveball.session.security;

import org.junit.jupiter.api.Test;

import org.curveball.session.principal.IndexedSession;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.testing.AbstractRedisReactiveWebApplicationTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.InvalidateLeastUsedServerMaximumSessionsExceededHandler;
import org.springframework.security.web.server.authentication.PreventLoginServerMaximumSessionsExceededHandler;
import org.springframework.security.web.server.authentication.ServerMaximumSessionsExceededHandler;
import org.springframework.security.web.server.authentication.SessionLimit;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
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

	@Autowired
	private PrincipalSessions principals;

	@Test
	void secondSignIn_endsTheFirstSession_whoseNextRequestIsNotSignedIn() throws Exception {
		FormLoginClient first = new FormLoginClient(this.port);
		assertThat(first.signIn("ada", "lovelace")).isEqualTo("/");
		assertThat(first.account()).isEqualTo("ada");
		String firstKey = first.sessionKey();
		FormLoginClient second = new FormLoginClient(this.port);
		assertThat(second.signIn("ada", "lovelace")).isEqualTo("/");
		assertThat(second.account()).isEqualTo("ada");
		assertThat(redis.commands().exists(firstKey)).isZero();
		assertThat(first.account()).isNull();
		assertThat(second.account()).isEqualTo("ada");
	}

	@Test
	void secondSignIn_withPreventLogin_isRefused_untilTheFirstSignsOut() throws Exception {
		FormLoginClient first = new FormLoginClient(this.port);
		assertThat(first.signIn("grace", "hopper")).isEqualTo("/");
		FormLoginClient second = new FormLoginClient(this.port);
		assertThat(second.signIn("grace", "hopper")).isEqualTo("/login?error");
		assertThat(second.account()).isNull();
		assertThat(first.account()).isEqualTo("grace");
		first.signOut();
		assertThat(first.account()).isNull();
		assertThat(second.signIn("grace", "hopper")).isEqualTo("/");
		assertThat(second.account()).isEqualTo("grace");
	}

	@Test
	void signInAsAnotherUser_inTheSameClient_leavesThePreviousUsersSessionsAtOnce() throws Exception {
		FormLoginClient client = new FormLoginClient(this.port);
		assertThat(client.signIn("ada", "lovelace")).isEqualTo("/");
		assertThat(client.signIn("grace", "hopper")).isEqualTo("/");
		assertThat(client.account()).isEqualTo("grace");
		assertThat(this.principals.sessions("ada")).as("within the sign-in grace of ada's entry").isEmpty();
		assertThat(this.principals.sessions("grace")).extracting(IndexedSession::id)
			.containsExactly(client.sessionId());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(FormLoginConfiguration.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			ServerMaximumSessionsExceededHandler invalidateLeastUsed = new InvalidateLeastUsedServerMaximumSessionsExceededHandler(
					new InMemoryWebSessionStore());
			ServerMaximumSessionsExceededHandler preventLogin = new PreventLoginServerMaximumSessionsExceededHandler();
			return FormLoginConfiguration.formLogin(http)
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
