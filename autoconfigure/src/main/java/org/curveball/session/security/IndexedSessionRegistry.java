package org.curveball.session.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.curveball.session.Session;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionManager;
import org.curveball.session.principal.IndexedSession;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.principal.SignInConflictException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;

/**
 * Spring Security's {@link SessionRegistry} over the index of each principal's sessions,
 * so that {@code sessionManagement().maximumSessions(n)} holds across every instance that
 * shares the Redis.
 * <p>
 * Spring Security's concurrent-session control lists a principal's sessions, expires the
 * oldest (or refuses the sign-in with {@code maxSessionsPreventsLogin}), then registers
 * the new one. The registration is checked against that list atomically: when another
 * sign-in of the same principal, on any instance, was registered in between, this one is
 * refused with a {@link SessionAuthenticationException}, Spring Security's normal sign-in
 * failure, so racing sign-ins never leave more than {@code n} sessions. A session whose
 * own sign-in is still being saved cannot be expired: the sign-in that would expire it is
 * refused instead.
 * <p>
 * Expiring a session marks it (under {@link #EXPIRED_KEY}) and takes it out of its
 * principal's sessions; Spring Security's {@code ConcurrentSessionFilter} then signs it
 * out on its next request, on any instance, and answers as configured
 * ({@code expiredUrl}). That filter asks for the session of every request: the registry
 * answers from the request's own session, read once for the whole request.
 * <p>
 * Principals are known by name ({@code Authentication.getName()}), which is what a
 * {@link SessionInformation} of this registry holds as its principal. The last request of
 * a session is what its idle expiry tells, so {@link #refreshLastRequest} has nothing to
 * do. Expired sessions are never listed, and {@link #getAllPrincipals()} is not
 * supported: the index is kept per principal.
 */
public final class IndexedSessionRegistry implements SessionRegistry {

	/**
	 * The session key that marks a session Spring Security's concurrent-session control
	 * expired, with the time it did (epoch milliseconds).
	 */
	public static final String EXPIRED_KEY = "__expired";

	private static final String LISTED_ATTRIBUTE = IndexedSessionRegistry.class.getName() + ".LISTED:";

	private final PrincipalSessions principals;

	private final SessionManager sessions;

	private final Clock clock;

	/**
	 * Create a registry.
	 * @param principals the sessions of each principal
	 * @param sessions opens sessions other than the current request's, to read or mark
	 * them
	 */
	public IndexedSessionRegistry(PrincipalSessions principals, SessionManager sessions) {
		this(principals, sessions, Clock.systemUTC());
	}

	IndexedSessionRegistry(PrincipalSessions principals, SessionManager sessions, Clock clock) {
		this.principals = principals;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * Not supported: the index is kept per principal, and listing every principal would
	 * mean scanning Redis.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public List<Object> getAllPrincipals() {
		throw new UnsupportedOperationException(
				"The principals of all sessions cannot be listed: sessions are indexed per principal");
	}

	/**
	 * Return a principal's sessions that exist, oldest sign-in first, and remember, for
	 * the current request, which they were, so that a sign-in registered next is checked
	 * against them.
	 * @param principal the principal, or its name
	 * @param includeExpiredSessions ignored: expired sessions are never listed
	 * @return the sessions, with the principal's name as their principal
	 */
	@Override
	public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
		String name = PrincipalNames.of(principal);
		List<IndexedSession> indexed = this.principals.sessions(name);
		CurrentRequestSession current = CurrentRequestSession.find();
		if (current != null) {
			current.request().setAttribute(LISTED_ATTRIBUTE + name, indexed.stream().map(IndexedSession::id).toList());
		}
		List<SessionInformation> information = new ArrayList<>(indexed.size());
		for (IndexedSession session : indexed) {
			information.add(new IndexedSessionInformation(name, session));
		}
		return information;
	}

	/**
	 * Return what a session says of its principal: who signed in to it, and whether
	 * concurrent-session control expired it. For the current request's session this costs
	 * nothing but the read the request shares; for another session, one read.
	 * @param sessionId the session's id
	 * @return the information, or {@code null} if nobody is signed in to the session
	 */
	@Override
	public @Nullable SessionInformation getSessionInformation(String sessionId) {
		Session session = sessionWithId(sessionId);
		String principal = PrincipalSessions.principalOf(session);
		if (principal == null) {
			return null;
		}
		SessionInformation information = new SessionInformation(principal, sessionId, Date.from(this.clock.instant()));
		if (session.get(EXPIRED_KEY) != null) {
			information.expireNow();
		}
		return information;
	}

	/**
	 * Do nothing: the last request of a session is what its idle expiry tells.
	 * @param sessionId the session's id
	 */
	@Override
	public void refreshLastRequest(String sessionId) {
	}

	/**
	 * Sign a principal in to the current request's session, checked against the sessions
	 * the current request listed for it, if it did.
	 * @param sessionId the id of the current request's session
	 * @param principal the principal, or its name
	 * @throws SessionAuthenticationException if another sign-in of the principal was
	 * registered since its sessions were listed
	 * @throws IllegalStateException if the session is not the current request's
	 */
	@Override
	public void registerNewSession(String sessionId, Object principal) {
		CurrentRequestSession current = CurrentRequestSession.withId(sessionId);
		if (current == null) {
			throw new IllegalStateException("Only the session of the current request can be registered");
		}
		String name = PrincipalNames.of(principal);
		String listedAttribute = LISTED_ATTRIBUTE + name;
		@SuppressWarnings("unchecked")
		Collection<String> listed = (Collection<String>) current.request().getAttribute(listedAttribute);
		current.request().removeAttribute(listedAttribute);
		try {
			this.principals.signIn(current.session(), current.session().readId(), sessionId, name, current.device(),
					listed);
		}
		catch (SignInConflictException ex) {
			throw new SessionAuthenticationException(ex.getMessage());
		}
	}

	/**
	 * Sign the principal out of a session that goes on.
	 * @param sessionId the session's id
	 */
	@Override
	public void removeSessionInformation(String sessionId) {
		CurrentRequestSession current = CurrentRequestSession.withId(sessionId);
		LazySession session = (current != null) ? current.session() : this.sessions.open(sessionId, () -> null);
		this.principals.signOut(session, sessionId);
		if (current == null) {
			session.commit();
		}
	}

	private Session sessionWithId(String sessionId) {
		CurrentRequestSession current = CurrentRequestSession.withId(sessionId);
		return (current != null) ? current.session() : this.sessions.open(sessionId, () -> null);
	}

	/**
	 * Expire a session for concurrent-session control: mark it, to be signed out on its
	 * next request, and take it out of its principal's sessions. The current request's
	 * own session is only taken out: it is about to be registered again.
	 * @param principal the principal's name
	 * @param sessionId the session's id
	 * @throws SessionAuthenticationException if the session's sign-in is still being
	 * saved, so that it cannot be marked
	 */
	private void expire(String principal, String sessionId) {
		if (CurrentRequestSession.withId(sessionId) == null) {
			LazySession session = this.sessions.open(sessionId, () -> null);
			if (!session.isStored()) {
				if (this.principals.sessions(principal).stream().anyMatch((other) -> other.id().equals(sessionId))) {
					throw new SessionAuthenticationException(
							"Another sign-in of the same user is being saved; sign in again");
				}
				return;
			}
			session.put(EXPIRED_KEY, this.clock.millis());
			session.commit();
		}
		this.principals.expire(principal, sessionId);
	}

	/**
	 * A session as the index lists it; expiring it marks the stored session.
	 */
	private final class IndexedSessionInformation extends SessionInformation {

		private static final long serialVersionUID = 1L;

		IndexedSessionInformation(String principal, IndexedSession session) {
			super(principal, session.id(), Date.from(session.lastAccessed()));
		}

		@Override
		public void expireNow() {
			expire((String) getPrincipal(), getSessionId());
			super.expireNow();
		}

	}

}
