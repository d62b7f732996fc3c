package org.curveball.session;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Opens the session of each request over one store, codec and set of settings.
 */
public final class SessionManager {

	private final SessionStore store;

	private final SessionCodec codec;

	private final SessionSettings settings;

	private final SessionIdGenerator csrfTokens = new SecureRandomSessionIdGenerator();

	/**
	 * Create a manager.
	 * @param store where sessions are kept
	 * @param codec how values become JSON
	 * @param settings expiry and limits
	 */
	public SessionManager(SessionStore store, SessionCodec codec, SessionSettings settings) {
		this.store = store;
		this.codec = codec;
		this.settings = settings;
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

	SessionStore store() {
		return this.store;
	}

	SessionCodec codec() {
		return this.codec;
	}

	SessionSettings settings() {
		return this.settings;
	}

	String newCsrfToken() {
		return this.csrfTokens.generate();
	}

}
