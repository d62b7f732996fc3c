package org.curveball.session.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.Session;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveSessionSignInHook} over real HTTP and a real Redis: with
 * Spring Security WebFlux's form login and its default sign-out, and no
 * concurrent-session control, every sign-in is in its user's sessions, so that "sign out
 * everywhere" reaches it, and a sign-out, which keeps the session, takes it out.
 */
@SpringBootTest(classes = ReactiveSessionSignInHookHttpTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ReactiveSessionSignInHookHttpTests extends AbstractRedisReactiveWebApplicationTests {

	@Autowired
	private PrincipalSessions principals;

	@Test
	void signIns_areListedAsTheUsersSessions_andEndingThemAllSignsEachClientOut() throws Exception {
		FormLoginClient phone = new FormLoginClient(this.port);
		FormLoginClient laptop = new FormLoginClient(this.port);
		assertThat(phone.signIn("ada", "lovelace")).isEqualTo("/");
		assertThat(laptop.signIn("ada", "lovelace")).isEqualTo("/");
		assertThat(sessionIds("ada")).containsExactly(phone.sessionId(), laptop.sessionId());
		assertThat(this.principals.sessions("ada").get(0).device()).startsWith("Java-http-client/");
		assertThat(stored(phone).path(PrincipalSessions.PRINCIPAL_KEY).asString()).isEqualTo("ada");
		assertThat(this.principals.endAll("ada")).isEqualTo(2);
		assertThat(phone.account()).isNull();
		assertThat(laptop.account()).isNull();
		assertThat(sessionIds("ada")).isEmpty();
	}

	@Test
	void signOut_takesTheSessionOutOfTheUsersSessions_andTheSessionGoesOnWithoutTheUser() throws Exception {
		FormLoginClient client = new FormLoginClient(this.port);
		client.signIn("grace", "hopper");
		assertThat(client.send("POST", "/colour?colour=blue", "").statusCode()).isEqualTo(200);
		String signedIn = client.sessionId();
		assertThat(sessionIds("grace")).containsExactly(signedIn);
		client.signOut();
		assertThat(client.account()).isNull();
		assertThat(sessionIds("grace")).isEmpty();
		assertThat(client.sessionId()).isNotEqualTo(signedIn);
		JsonNode stored = stored(client);
		assertThat(stored.path("colour").asString()).isEqualTo("blue");
		assertThat(stored.has(PrincipalSessions.PRINCIPAL_KEY)).isFalse();
		assertThat(redis.commands().exists("session-" + signedIn)).isZero();
	}

	@Test
	void signInAsAnotherUser_movesTheSessionFromOneUsersSessionsToTheOthers() throws Exception {
		FormLoginClient client = new FormLoginClient(this.port);
		client.signIn("ada", "lovelace");
		client.signIn("grace", "hopper");
		assertThat(client.account()).isEqualTo("grace");
		assertThat(sessionIds("ada")).isEmpty();
		assertThat(sessionIds("grace")).containsExactly(client.sessionId());
	}

	private List<String> sessionIds(String principal) {
		return this.principals.sessions(principal).stream().map(IndexedSession::id).toList();
	}

	private JsonNode stored(FormLoginClient client) {
		String json = redis.commands().get(client.sessionKey());
		assertThat(json).as("the stored session").isNotNull();
		return JsonMapper.shared().readTree(json);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableWebFluxSecurity
	@Import(FormLoginConfiguration.class)
	@RestController
	static class App {

		@PostMapping("/colour")
		void colour(@RequestParam String colour, Session session) {
			session.put("colour", colour);
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return FormLoginConfiguration.formLogin(http).build();
		}

	}

}
