package org.curveball.session.security;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.core.LazySession;
import org.curveball.session.principal.IndexedSession;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.principal.redis.RedisPrincipalSessionIndex;
import org.curveball.session.redis.RedisStoreConnection;
import org.curveball.session.testing.RedisServerExtension;
import org.curveball.session.testing.RedisSessions;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link IndexedSessionRegistry} and {@link SessionSignInListener} over a real
 * Redis, called as Spring Security calls them during a request: the registry answers from
 * the request's own session, refuses a sign-in that raced another, marks the sessions it
 * expires, and every interactive sign-in is indexed once.
 */
class IndexedSessionRegistryTests {

	private static final User ADA = new User("ada", "", AuthorityUtils.createAuthorityList("ROLE_USER"));

	private static final User GRACE = new User("grace", "", AuthorityUtils.createAuthorityList("ROLE_USER"));

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static RedisStoreConnection connection;

	private static PrincipalSessions principals;

	private static RedisSessions sessions;

	private static IndexedSessionRegistry registry;

	private static SessionSignInListener listener;

	@BeforeAll
	static void connect() {
		connection = RedisStoreConnection.open(redis.server());
		principals = new PrincipalSessions(new RedisPrincipalSessionIndex(connection.connectionFactory(),
				RedisStoreConnection.PREFIX, RedisSessions.SETTINGS), connection.store());
		sessions = RedisSessions.open(redis.server(), RedisSessions.SETTINGS, Clock.systemUTC(), principals);
		sessions.warmUp();
		registry = new IndexedSessionRegistry(principals, sessions.manager());
		listener = new SessionSignInListener(principals);
	}

	@AfterAll
	static void disconnect() {
		sessions.close();
		connection.close();
	}

	@AfterEach
	void endRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void registerNewSession_ofTheCurrentRequest_indexesItWithTheRequestsDevice() {
		String id = signIn(ADA);
		assertThat(sessions.storedValues(id)).containsEntry(PrincipalSessions.PRINCIPAL_KEY, "ada");
		assertThat(principals.sessions("ada")).singleElement().satisfies((session) -> {
			assertThat(session.id()).isEqualTo(id);
			assertThat(session.device()).isEqualTo("Test browser");
		});
	}

	@Test
	void registerNewSession_ofAnotherUser_inAMovedSession_leavesThePreviousUsersSessionsAtOnce() {
		String id = signIn(ADA);
		LazySession session = inRequest(id);
		// as Spring Security's protection against session fixation does at a sign-in
		session.regenerateId();
		registry.getAllSessions(GRACE, false);
		registry.registerNewSession(session.id(), GRACE);
		String moved = session.commit().id();
		assertThat(principals.sessions("ada")).as("within the sign-in grace of ada's entry").isEmpty();
		assertThat(principals.sessions("grace")).extracting(IndexedSession::id).containsExactly(moved);
	}

	@Test
	void registerNewSession_ofAnotherSession_isRefused() {
		inRequest(null);
		assertThatIllegalStateException().isThrownBy(() -> registry.registerNewSession(sessions.newId(), ADA));
	}

	@Test
	void registerNewSession_afterAnotherSignInSinceTheListing_isRefusedAsASignInFailure() {
		LazySession session = inRequest(null);
		assertThat(registry.getAllSessions(ADA, false)).isEmpty();
		String racing = signInElsewhere();
		assertThatExceptionOfType(SessionAuthenticationException.class)
			.isThrownBy(() -> registry.registerNewSession(session.id(), ADA));
		assertThat(principals.sessions("ada")).extracting(IndexedSession::id).containsExactly(racing);
		assertThat(session.get(PrincipalSessions.PRINCIPAL_KEY)).isNull();
	}

	@Test
	void getAllSessions_listsThePrincipalsSessionsByNameWithTheirLastRequest() {
		String id = signIn(ADA);
		inRequest(null);
		assertThat(registry.getAllSessions(ADA, false)).singleElement().satisfies((information) -> {
			assertThat(information.getPrincipal()).isEqualTo("ada");
			assertThat(information.getSessionId()).isEqualTo(id);
			assertThat(information.getLastRequest()).isNotNull();
			assertThat(information.isExpired()).isFalse();
		});
		assertThat(registry.getAllSessions("grace", false)).isEmpty();
	}

	@Test
	void expireNow_ofAListedSession_marksItExpiredForItsNextRequestAndUnlistsIt() {
		String first = signIn(ADA);
		inRequest(null);
		registry.getAllSessions(ADA, false).get(0).expireNow();
		assertThat(sessions.storedValues(first)).containsKey(IndexedSessionRegistry.EXPIRED_KEY);
		assertThat(principals.sessions("ada")).isEmpty();
		inRequest(first);
		SessionInformation information = registry.getSessionInformation(first);
		assertThat(information).isNotNull();
		assertThat(information.isExpired()).isTrue();
		assertThat(information.getPrincipal()).isEqualTo("ada");
	}

	@Test
	void expireNow_ofASessionWhoseSignInIsStillBeingSaved_refusesTheSignInThatWouldExpireIt() {
		String signingIn = sessions.newId();
		principals.signIn(sessions.request(null), signingIn, "ada", null, null);
		inRequest(null);
		SessionInformation listed = registry.getAllSessions(ADA, false).get(0);
		assertThatExceptionOfType(SessionAuthenticationException.class).isThrownBy(listed::expireNow);
		assertThat(principals.sessions("ada")).extracting(IndexedSession::id).containsExactly(signingIn);
	}

	@Test
	void expireNow_ofTheCurrentRequestsSession_onlyUnlistsIt() {
		String id = signIn(ADA);
		inRequest(id);
		registry.getAllSessions(ADA, false).get(0).expireNow();
		assertThat(sessions.storedValues(id)).doesNotContainKey(IndexedSessionRegistry.EXPIRED_KEY);
		assertThat(principals.sessions("ada")).isEmpty();
	}

	@Test
	void getSessionInformation_ofTheCurrentRequestsSession_costsOnlyTheRequestsOwnRead() {
		String id = signIn(ADA);
		redis.server().resetStats();
		LazySession session = inRequest(id);
		SessionInformation information = registry.getSessionInformation(id);
		session.get(PrincipalSessions.PRINCIPAL_KEY);
		session.commit();
		assertThat(information).isNotNull();
		assertThat(information.isExpired()).isFalse();
		assertThat(sessions.commandCalls()).isEqualTo(Map.of("getex", 1L));
	}

	@Test
	void getSessionInformation_ofASessionNobodySignedInTo_isNull() {
		LazySession anonymous = sessions.request(null);
		anonymous.put("visits", 1);
		String id = anonymous.commit().id();
		inRequest(null);
		assertThat(registry.getSessionInformation(id)).isNull();
	}

	@Test
	void removeSessionInformation_signsThePrincipalOutOfASessionThatGoesOn() {
		String id = signIn(ADA);
		inRequest(null);
		registry.removeSessionInformation(id);
		assertThat(sessions.storedValues(id)).doesNotContainKey(PrincipalSessions.PRINCIPAL_KEY).containsKey("visits");
		assertThat(principals.sessions("ada")).isEmpty();
	}

	@Test
	void getAllPrincipals_isNotSupported() {
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(registry::getAllPrincipals);
	}

	@Test
	void interactiveSignIn_withoutAnySessionLimit_isIndexed() {
		LazySession session = inRequest(null);
		session.put("SPRING_SECURITY_CONTEXT", "signed in");
		listener.onApplicationEvent(new InteractiveAuthenticationSuccessEvent(authenticated(ADA), getClass()));
		String id = session.commit().id();
		assertThat(principals.sessions("ada")).extracting(IndexedSession::id).containsExactly(id);
	}

	@Test
	void interactiveSignIn_registeredByTheRegistry_isIndexedOnce() {
		LazySession session = inRequest(null);
		session.put("visits", 1);
		registry.registerNewSession(session.id(), ADA);
		redis.server().resetStats();
		listener.onApplicationEvent(new InteractiveAuthenticationSuccessEvent(authenticated(ADA), getClass()));
		assertThat(sessions.commandCalls()).isEmpty();
	}

	@Test
	void interactiveSignIn_thatKeepsNoSession_writesNothing() {
		LazySession session = inRequest(null);
		listener.onApplicationEvent(new InteractiveAuthenticationSuccessEvent(authenticated(ADA), getClass()));
		assertThat(session.commit().id()).isNull();
		assertThat(redis.commands().keys("*")).isEmpty();
	}

	@Test
	void interactiveSignIn_asAnotherUser_movesTheSessionToTheirSessionsAtOnce() {
		String id = signIn(ADA);
		LazySession session = inRequest(id);
		// as Spring Security's protection against session fixation does at a sign-in
		session.regenerateId();
		listener.onApplicationEvent(new InteractiveAuthenticationSuccessEvent(authenticated(GRACE), getClass()));
		String moved = session.commit().id();
		assertThat(principals.sessions("ada")).as("within the sign-in grace of ada's entry").isEmpty();
		assertThat(principals.sessions("grace")).extracting(IndexedSession::id).containsExactly(moved);
		assertThat(sessions.storedValues(moved)).containsEntry(PrincipalSessions.PRINCIPAL_KEY, "grace");
	}

	@Test
	void signOut_thatKeepsTheSession_takesItOutOfThePrincipalsSessions() {
		String id = signIn(ADA);
		LazySession session = inRequest(id);
		listener.onApplicationEvent(new LogoutSuccessEvent(authenticated(ADA)));
		session.commit();
		assertThat(principals.sessions("ada")).isEmpty();
		assertThat(sessions.storedValues(id)).doesNotContainKey(PrincipalSessions.PRINCIPAL_KEY);
	}

	/**
	 * Sign a user in to a new session through the registry, as Spring Security's
	 * concurrent-session control does, and store it.
	 */
	private static String signIn(User user) {
		LazySession session = inRequest(null);
		session.put("visits", 1);
		registry.getAllSessions(user, false);
		registry.registerNewSession(session.id(), user);
		String id = session.commit().id();
		RequestContextHolder.resetRequestAttributes();
		return id;
	}

	private static String signInElsewhere() {
		LazySession session = sessions.request(null);
		session.put("visits", 1);
		principals.signIn(session, session.id(), "ada", null, null);
		return session.commit().id();
	}

	/**
	 * Make the current thread serve a request whose session cookie holds the given id.
	 */
	private static LazySession inRequest(@Nullable String sessionId) {
		LazySession session = sessions.request(sessionId);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("User-Agent", "Test browser");
		request.setAttribute(SessionFilter.SESSION_ATTRIBUTE, session);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		return session;
	}

	private static UsernamePasswordAuthenticationToken authenticated(User user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

}
