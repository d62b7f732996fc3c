package org.curveball.session.core;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionIdListener;
import org.curveball.session.SessionObserver;
import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStore;
import org.curveball.session.json.SessionCodec;

/**
 * Opens the session of each request over one store, codec and set of settings.
 */
public final class SessionManager {

	private final AsyncSessionStore store;

	private final boolean blockingStore;

	private final SessionCodec codec;

	private final SessionSettings settings;

	private final SessionLifetime lifetime;

	private final SessionObserver observer;

	private final SessionIdListener idListener;

	private final SessionIdGenerator csrfTokens = new SecureRandomSessionIdGenerator();

	private final SizeLimit sizeLimit;

	private final GroupCommit groupCommit;

	/**
	 * Create a manager.
	 * @param store where sessions are kept
	 * @param codec how values become JSON
	 * @param settings expiry and limits
	 */
	public SessionManager(SessionStore store, SessionCodec codec, SessionSettings settings) {
		this(store, codec, settings, Clock.systemUTC());
	}

	/**
	 * Create a manager that measures session lifetimes with the given clock.
	 * @param store where sessions are kept
	 * @param codec how values become JSON
	 * @param settings expiry and limits
	 * @param clock the clock for the maximum lifetime
	 */
	public SessionManager(SessionStore store, SessionCodec codec, SessionSettings settings, Clock clock) {
		this(store, codec, settings, clock, SessionObserver.NONE);
	}

	/**
	 * Create a manager that reports what sessions do to an observer.
	 * @param store where sessions are kept
	 * @param codec how values become JSON
	 * @param settings expiry and limits
	 * @param clock the clock for the maximum lifetime
	 * @param observer hears store operations and session events, for metrics
	 */
	public SessionManager(SessionStore store, SessionCodec codec, SessionSettings settings, Clock clock,
			SessionObserver observer) {
		this(store, codec, settings, clock, observer, SessionIdListener.NONE);
	}

	/**
	 * Create a manager that also tells a listener when a session is stored under a new id
	 * or ends.
	 * @param store where sessions are kept
	 * @param codec how values become JSON
	 * @param settings expiry and limits
	 * @param clock the clock for the maximum lifetime
	 * @param observer hears store operations and session events, for metrics
	 * @param idListener hears the ids of sessions stored under a new id and of sessions
	 * that end, for indexes kept beside the sessions
	 */
	public SessionManager(SessionStore store, SessionCodec codec, SessionSettings settings, Clock clock,
			SessionObserver observer, SessionIdListener idListener) {
		this(new BlockingStoreCalls(store), true, codec, settings, clock, observer, idListener);
	}

	/**
	 * Create a manager over a store that never blocks, for event-loop web stacks: the
	 * sessions it opens are read with {@link LazySession#loaded()} and saved with
	 * {@link LazySession#commitAsync()}, and no thread waits for the store.
	 * @param store where sessions are kept
	 * @param codec how values become JSON
	 * @param settings expiry and limits
	 * @param clock the clock for the maximum lifetime
	 * @param observer hears store operations and session events, for metrics
	 * @param idListener hears the ids of sessions stored under a new id and of sessions
	 * that end, for indexes kept beside the sessions
	 */
	public SessionManager(AsyncSessionStore store, SessionCodec codec, SessionSettings settings, Clock clock,
			SessionObserver observer, SessionIdListener idListener) {
		this(store, false, codec, settings, clock, observer, idListener);
	}

	private SessionManager(AsyncSessionStore store, boolean blockingStore, SessionCodec codec, SessionSettings settings,
			Clock clock, SessionObserver observer, SessionIdListener idListener) {
		this.store = (observer != SessionObserver.NONE) ? new ObservedSessionStore(store, observer) : store;
		this.blockingStore = blockingStore;
		this.codec = codec;
		this.settings = settings;
		this.lifetime = new SessionLifetime(settings.maxLifetime(), clock);
		this.observer = observer;
		this.idListener = idListener;
		this.sizeLimit = new SizeLimit(settings.maxSize());
		this.groupCommit = new GroupCommit(this.store, blockingStore, codec, settings.expiry(), this.sizeLimit,
				observer);
	}

	/**
	 * Open the session of a request; nothing is read from the store until it is used.
	 * @param requestedId the well-formed id the request's cookie holds, or {@code null}
	 * @param requestCsrfToken where to find the request's CSRF token when a handler does
	 * not pass one
	 * @return the session
	 */
	public LazySession open(@Nullable String requestedId, Supplier<@Nullable String> requestCsrfToken) {
		return new LazySession(this, requestedId, requestCsrfToken);
	}

	/**
	 * Report that a request's session cookie could not be an id and was ignored.
	 */
	public void cookieRejected() {
		this.observer.cookieRejected();
	}

	/**
	 * Return the idle time after which a session expires.
	 * @return the expiry
	 */
	public Duration expiry() {
		return this.settings.expiry();
	}

	SessionObserver observer() {
		return this.observer;
	}

	SessionIdListener idListener() {
		return this.idListener;
	}

	/**
	 * Return whether the store's calls block the calling thread, so that a web stack
	 * whose threads must never block cannot use this manager.
	 * @return {@code true} if the manager's store is a blocking {@link SessionStore}
	 */
	public boolean isBlocking() {
		return this.blockingStore;
	}

	AsyncSessionStore store() {
		return this.store;
	}

	SessionCodec codec() {
		return this.codec;
	}

	SessionSettings settings() {
		return this.settings;
	}

	SessionLifetime lifetime() {
		return this.lifetime;
	}

	SizeLimit sizeLimit() {
		return this.sizeLimit;
	}

	GroupCommit groupCommit() {
		return this.groupCommit;
	}

	String newCsrfToken() {
		return this.csrfTokens.generate();
	}

}
