package org.curveball.session.security;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionManager;
import org.curveball.session.principal.IndexedSession;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.principal.SignInConflictException;
import org.springframework.security.core.session.ReactiveSessionInformation;
import org.springframework.security.core.session.ReactiveSessionRegistry;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security WebFlux's {@link ReactiveSessionRegistry} over the index of each
 * principal's sessions, so that
 * {@code sessionManagement().concurrentSessions().maximumSessions(n)} holds across every
 * instance that shares the Redis.
 * <p>
 * Spring Security's concurrent-session control lists a principal's sessions, invalidates
 * the least used ones (or refuses the sign-in), then saves the new one. The save is
 * checked against that list atomically: when another sign-in of the same principal, on
 * any instance, was saved in between, this one is refused with a
 * {@link SessionAuthenticationException}, and its session ends, so racing sign-ins never
 * leave more than {@code n} sessions. {@link ReactiveSessionInformation#invalidate()} of
 * a listed session deletes it from Redis: its next request, on any instance, finds no
 * session, so it is signed out. A session whose own sign-in is still being saved cannot
 * be ended: the sign-in that would end it is refused instead.
 * <p>
 * The index is read and written on Reactor's bounded elastic scheduler, never on an event
 * loop; sessions are read and ended through the session manager, which never blocks.
 * Principals are known by name ({@code Authentication.getName()}). The last access of a
 * session is what its idle expiry tells, so {@link #updateLastAccessTime} costs nothing.
 */
public final class ReactiveIndexedSessionRegistry implements ReactiveSessionRegistry {

	private static final String LISTED_ATTRIBUTE = ReactiveIndexedSessionRegistry.class.getName() + ".LISTED:";

	private static final String SAVED_ATTRIBUTE = ReactiveIndexedSessionRegistry.class.getName() + ".SAVED:";

	private final PrincipalSessions principals;

	private final SessionManager sessions;

	private final Clock clock;

	/**
	 * Create a registry.
	 * @param principals the sessions of each principal
	 * @param sessions opens sessions other than the current exchange's, to read or end
	 * them; a manager that never blocks
	 */
	public ReactiveIndexedSessionRegistry(PrincipalSessions principals, SessionManager sessions) {
		this.principals = principals;
		this.sessions = sessions;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Return a principal's sessions that exist, oldest sign-in first, and remember, for
	 * the current exchange, which they were, so that a sign-in saved next is checked
	 * against them.
	 * @param principal the principal, or its name
	 * @return the sessions, with the principal's name as their principal
	 */
	@Override
	public Flux<ReactiveSessionInformation> getAllSessions(Object principal) {
		String name = PrincipalNames.of(principal);
		return Flux
			.deferContextual((context) -> blocking(() -> this.principals.sessions(name)).flatMapMany((indexed) -> {
				context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
					.ifPresent((exchange) -> exchange.getAttributes()
						.put(LISTED_ATTRIBUTE + name, indexed.stream().map(IndexedSession::id).toList()));
				return Flux.fromIterable(indexed).map((session) -> new IndexedSessionInformation(name, session));
			}));
	}

	/**
	 * Sign a principal in to the current exchange's session, checked against the sessions
	 * the current exchange listed for it, if it did.
	 * @param information the session and its principal
	 * @return completes when the sign-in is in the index; an error
	 * {@link SessionAuthenticationException} if another sign-in of the principal was
	 * saved since its sessions were listed (the current session then ends), or
	 * {@link IllegalStateException} if the session is not the current exchange's
	 */
	@Override
	public Mono<Void> saveSessionInformation(ReactiveSessionInformation information) {
		String name = PrincipalNames.of(information.getPrincipal());
		String sessionId = information.getSessionId();
		return CurrentExchangeSession.withId(sessionId)
			.switchIfEmpty(Mono
				.error(() -> new IllegalStateException("Only the session of the current exchange can be saved")))
			.flatMap((current) -> {
				@SuppressWarnings("unchecked")
				Collection<String> listed = (Collection<String>) current.exchange()
					.getAttributes()
					.remove(LISTED_ATTRIBUTE + name);
				current.exchange().getAttributes().put(SAVED_ATTRIBUTE + sessionId, name);
				return blocking(() -> {
					this.principals.signIn(current.session(), current.session().readId(), sessionId, name,
							current.device(), listed);
					return true;
				}).onErrorResume(SignInConflictException.class, (ex) -> refuse(ex.getMessage()));
			})
			.then();
	}

	/**
	 * Return who signed in to a session. For the current exchange's session this costs
	 * nothing but the read the exchange shares; for another session, one read.
	 * @param sessionId the session's id
	 * @return the information, or empty if nobody is signed in to the session
	 */
	@Override
	public Mono<ReactiveSessionInformation> getSessionInformation(String sessionId) {
		return sessionWithId(sessionId).mapNotNull((session) -> information(session, sessionId));
	}

	/**
	 * Sign the principal out of a session that goes on. A session the current exchange
	 * signed in to and then moved or ended (Spring Security calls this after
	 * {@code changeSessionId()} and {@code invalidate()}) stops counting at once.
	 * @param sessionId the session's id
	 * @return who was signed in, or empty if nobody was
	 */
	@Override
	public Mono<ReactiveSessionInformation> removeSessionInformation(String sessionId) {
		return CurrentExchangeSession.withId(sessionId)
			.map((current) -> new OpenedSession(current.session(), false))
			.switchIfEmpty(Mono.defer(() -> other(sessionId).map((session) -> new OpenedSession(session, true))))
			.flatMap((opened) -> {
				ReactiveSessionInformation information = information(opened.session(), sessionId);
				if (information == null) {
					return savedByThisExchange(sessionId);
				}
				Mono<?> signedOut = blocking(() -> {
					this.principals.signOut(opened.session(), sessionId);
					return true;
				});
				if (opened.commit()) {
					signedOut = signedOut.then(Mono.fromFuture(opened.session()::commitAsync));
				}
				return signedOut.thenReturn(information);
			});
	}

	/**
	 * Stop counting a sign-in that the current exchange saved under an id its session no
	 * longer has, and that was never stored under it.
	 * @param sessionId the id
	 * @return who signed in to it, or empty if the current exchange saved no sign-in
	 * under that id
	 */
	private Mono<ReactiveSessionInformation> savedByThisExchange(String sessionId) {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(context.getOrEmpty(ServerWebExchange.class)))
			.cast(ServerWebExchange.class)
			.mapNotNull((exchange) -> exchange.getAttributes().remove(SAVED_ATTRIBUTE + sessionId))
			.cast(String.class)
			.flatMap((principal) -> blocking(() -> {
				this.principals.expire(principal, sessionId);
				return new ReactiveSessionInformation(principal, sessionId, this.clock.instant());
			}));
	}

	/**
	 * Do nothing: the last access of a session is what its idle expiry tells.
	 * @param sessionId the session's id
	 * @return empty
	 */
	@Override
	public Mono<ReactiveSessionInformation> updateLastAccessTime(String sessionId) {
		return Mono.empty();
	}

	private Mono<LazySession> sessionWithId(String sessionId) {
		return CurrentExchangeSession.withId(sessionId)
			.map(CurrentExchangeSession::session)
			.switchIfEmpty(Mono.defer(() -> other(sessionId)));
	}

	private Mono<LazySession> other(String sessionId) {
		return Mono.fromFuture(this.sessions.open(sessionId, () -> null)::loaded);
	}

	private @Nullable ReactiveSessionInformation information(LazySession session, String sessionId) {
		String principal = PrincipalSessions.principalOf(session);
		return (principal != null) ? new ReactiveSessionInformation(principal, sessionId, this.clock.instant()) : null;
	}

	/**
	 * End another session for concurrent-session control: delete it, so that its next
	 * request, on any instance, finds no session; the session manager takes it out of its
	 * principal's sessions.
	 * @param principal the principal's name
	 * @param sessionId the session's id
	 * @return completes once the session is deleted; an error
	 * {@link SessionAuthenticationException} if its sign-in is still being saved
	 */
	private Mono<Void> end(String principal, String sessionId) {
		return other(sessionId).flatMap((session) -> {
			if (session.isStored()) {
				session.invalidate();
				return Mono.fromFuture(session::commitAsync).then();
			}
			return blocking(() -> this.principals.sessions(principal))
				.flatMap((listed) -> listed.stream().anyMatch((indexed) -> indexed.id().equals(sessionId))
						? refuse("Another sign-in of the same user is being saved; sign in again") : Mono.empty());
		});
	}

	/**
	 * Refuse the current exchange's sign-in: end its session, which already holds the
	 * security context, and fail with Spring Security's sign-in failure.
	 * @param <T> what the refused call would have emitted
	 * @param message why, without any session id
	 * @return an error {@link SessionAuthenticationException}
	 */
	private static <T> Mono<T> refuse(String message) {
		return CurrentExchangeSession.find()
			.doOnNext((current) -> current.session().invalidate())
			.then(Mono.error(() -> new SessionAuthenticationException(message)));
	}

	private static <T> Mono<T> blocking(Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * A session this registry opened or found, and whether it must save it itself.
	 *
	 * @param session the session
	 * @param commit whether it is not the current exchange's, which saves its own
	 */
	private record OpenedSession(LazySession session, boolean commit) {

	}

	/**
	 * A session as the index lists it; invalidating it ends the stored session.
	 */
	private final class IndexedSessionInformation extends ReactiveSessionInformation {

		private static final long serialVersionUID = 1L;

		IndexedSessionInformation(String principal, IndexedSession session) {
			super(principal, session.id(), session.lastAccessed());
		}

		@Override
		public Mono<Void> invalidate() {
			return end((String) getPrincipal(), getSessionId()).then(super.invalidate());
		}

	}

}
