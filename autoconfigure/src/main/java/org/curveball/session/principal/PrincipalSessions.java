package org.curveball.session.principal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.curveball.session.Session;
import org.curveball.session.SessionIdListener;
import org.curveball.session.SessionStore;

/**
 * A user's sessions: who is signed in to a session, and where a principal is signed in.
 * <p>
 * A sign-in records the principal's name in the session, under {@link #PRINCIPAL_KEY} (a
 * plain string that Curveball and any other reader of the session's JSON can see), and
 * adds the session to the principal's in the {@link PrincipalSessionIndex}. As a
 * {@link SessionIdListener} of the session manager, it then follows a signed-in session
 * to each new id and takes it out of the index when it ends. Reading and saving a session
 * never touch the index. Over a store that never blocks, the manager calls the listener
 * on a thread that must not block either: the index writes it makes then run on the
 * executor given for them.
 */
public final class PrincipalSessions implements SessionIdListener {

	/**
	 * The session key that holds the name of the principal signed in to the session.
	 */
	public static final String PRINCIPAL_KEY = "__principal";

	private final PrincipalSessionIndex index;

	private final SessionStore store;

	private final Executor listenerWrites;

	/**
	 * Create the sessions of principals over an index and the store of the sessions.
	 * @param index the index of each principal's sessions
	 * @param store where the sessions are kept, to end them
	 */
	public PrincipalSessions(PrincipalSessionIndex index, SessionStore store) {
		this(index, store, Runnable::run);
	}

	/**
	 * Create the sessions of principals over an index and the store of the sessions, for
	 * a session manager that calls its listeners on threads that must not block.
	 * @param index the index of each principal's sessions
	 * @param store where the sessions are kept, to end them
	 * @param listenerWrites runs the index writes of {@link #idAssigned} and
	 * {@link #ended}, on threads that may block
	 */
	public PrincipalSessions(PrincipalSessionIndex index, SessionStore store, Executor listenerWrites) {
		this.index = index;
		this.store = store;
		this.listenerWrites = listenerWrites;
	}

	/**
	 * Return the name of the principal signed in to a session.
	 * @param session the session
	 * @return the principal's name, or {@code null} if nobody signed in to it
	 */
	public static @Nullable String principalOf(Session session) {
		return (session.get(PRINCIPAL_KEY) instanceof String principal) ? principal : null;
	}

	/**
	 * Return where a principal is signed in, as a page lists it: the sessions that exist,
	 * oldest sign-in first, the asking one marked. Costs one command, then one per
	 * session (its remaining expiry tells its last access), and one more to remove the
	 * entries of sessions that ended unseen.
	 * @param principal the principal's name
	 * @param currentSessionId the id of the asking request's session, or {@code null}
	 * @return the sessions, without their ids
	 */
	public List<PrincipalSession> list(String principal, @Nullable String currentSessionId) {
		return this.index.sessions(principal)
			.stream()
			.map((session) -> new PrincipalSession(session.id().equals(currentSessionId), session.signedIn(),
					session.lastAccessed(), session.device()))
			.toList();
	}

	/**
	 * Return a principal's sessions with their ids, for an integration that works with
	 * ids (such as Spring Security's session registry). Costs what {@link #list} costs.
	 * @param principal the principal's name
	 * @return the sessions, oldest sign-in first
	 */
	public List<IndexedSession> sessions(String principal) {
		return this.index.sessions(principal);
	}

	/**
	 * Sign a principal in to a session: record the principal in the session, to be stored
	 * when the session is saved, and add the session to the principal's (taking it out of
	 * another principal's who was signed in to it).
	 * @param session the session
	 * @param sessionId the id the session is, or will be, stored under
	 * @param principal the principal's name
	 * @param device what the client says it is (its {@code User-Agent}), or {@code null}
	 * @param listed the ids of the principal's sessions that a check of this sign-in (a
	 * limit of sessions per principal) was made on, or {@code null} when nothing was
	 * checked
	 * @throws SignInConflictException if another sign-in of the principal was added since
	 * {@code listed}; then the session is left as it was
	 */
	public void signIn(Session session, String sessionId, String principal, @Nullable String device,
			@Nullable Collection<String> listed) {
		signIn(session, sessionId, sessionId, principal, device, listed);
	}

	/**
	 * Sign a principal in to a session that this request may have moved to a new id (as
	 * protection against session fixation does at a sign-in): as
	 * {@link #signIn(Session, String, String, String, Collection)}, and a principal who
	 * was signed in to it leaves it under the id the session was read with as well as
	 * under the new one.
	 * @param session the session
	 * @param readId the id the session had when it was read: the id it leaves, if it
	 * moves
	 * @param sessionId the id the session is, or will be, stored under
	 * @param principal the principal's name
	 * @param device what the client says it is (its {@code User-Agent}), or {@code null}
	 * @param listed the ids of the principal's sessions that a check of this sign-in was
	 * made on, or {@code null} when nothing was checked
	 * @throws SignInConflictException if another sign-in of the principal was added since
	 * {@code listed}; then the session is left as it was
	 */
	public void signIn(Session session, String readId, String sessionId, String principal, @Nullable String device,
			@Nullable Collection<String> listed) {
		this.index.add(principal, sessionId, device, listed);
		String previous = principalOf(session);
		if (previous != null && !previous.equals(principal)) {
			// under both ids: when the session moves, Spring Security
			// WebFlux's registry filter moves the previous entry to the new id
			this.index.remove(previous, readId.equals(sessionId) ? List.of(sessionId) : List.of(readId, sessionId));
		}
		session.put(PRINCIPAL_KEY, principal);
	}

	/**
	 * Sign the principal out of a session that goes on without them: remove the principal
	 * from the session and the session from the principal's.
	 * @param session the session
	 * @param sessionId the session's id
	 */
	public void signOut(Session session, String sessionId) {
		String principal = principalOf(session);
		if (principal != null) {
			session.remove(PRINCIPAL_KEY);
			this.index.remove(principal, List.of(sessionId));
		}
	}

	/**
	 * Record who is signed in to a session after a sign-in or sign-out that may have
	 * moved it to a new id (as protection against session fixation does): take it out of
	 * the sessions of the principal who was signed in to it, under the id it was read
	 * with, and add it to the new principal's, under the id it is saved under. Nothing is
	 * written when the principal stays the same.
	 * @param session the session
	 * @param readId the id the session had when it was read: the id it leaves, if it
	 * moves
	 * @param sessionId the id the session is, or will be, stored under
	 * @param principal the name of the principal signed in now, or {@code null} if nobody
	 * is
	 * @param device what the client says it is (its {@code User-Agent}), or {@code null}
	 */
	public void changePrincipal(Session session, String readId, String sessionId, @Nullable String principal,
			@Nullable String device) {
		if (Objects.equals(principalOf(session), principal)) {
			return;
		}
		if (principal != null) {
			signIn(session, readId, sessionId, principal, device, null);
		}
		else {
			signOut(session, readId);
		}
	}

	/**
	 * Stop listing and counting a session of a principal without ending it, for a session
	 * that is ended by other means (such as marked expired for Spring Security to sign
	 * out on its next request).
	 * @param principal the principal's name
	 * @param sessionId the session's id
	 */
	public void expire(String principal, String sessionId) {
		this.index.expire(principal, sessionId);
	}

	/**
	 * End every session of a principal ("sign out everywhere"): they are deleted, so that
	 * their next request, on any instance, finds no session.
	 * @param principal the principal's name
	 * @return how many sessions were ended
	 */
	public int endAll(String principal) {
		return end(principal, null);
	}

	/**
	 * End every session of a principal but one ("sign out the other sessions").
	 * @param principal the principal's name
	 * @param keptSessionId the id of the session to keep, usually the asking request's
	 * @return how many sessions were ended
	 */
	public int endOthers(String principal, String keptSessionId) {
		return end(principal, keptSessionId);
	}

	private int end(String principal, @Nullable String keptSessionId) {
		List<String> ended = this.index.sessions(principal)
			.stream()
			.map(IndexedSession::id)
			.filter((id) -> !id.equals(keptSessionId))
			.toList();
		ended.forEach(this.store::delete);
		if (!ended.isEmpty()) {
			this.index.remove(principal, ended);
		}
		return ended.size();
	}

	@Override
	public void idAssigned(@Nullable String previousId, String id, Session session) {
		String principal = principalOf(session);
		if (principal != null) {
			this.listenerWrites.execute(() -> this.index.follow(principal, previousId, id));
		}
	}

	@Override
	public void ended(String id, Map<String, @Nullable Object> values) {
		if (values.get(PRINCIPAL_KEY) instanceof String principal) {
			this.listenerWrites.execute(() -> this.index.remove(principal, List.of(id)));
		}
	}

}
