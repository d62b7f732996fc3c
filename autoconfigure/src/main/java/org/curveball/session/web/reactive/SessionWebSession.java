package org.curveball.session.web.reactive;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.curveball.session.core.LazySession;
import org.curveball.session.web.SessionAttributeValues;
import org.springframework.web.server.WebSession;

/**
 * A {@link WebSession} that is a second view of the exchange's Curveball session: the
 * same cookie, the same Redis key, saved with the response by {@link SessionWebFilter}.
 * <p>
 * Attributes that are plain JSON are stored as they are; other objects with their type
 * id, for the types on the allow-list. {@link #changeSessionId()} moves the session to a
 * new id and {@link #invalidate()} ends it, both when the response is saved. What the
 * Curveball format does not keep is not invented: {@link #getCreationTime()} and
 * {@link #setMaxIdleTime(Duration)} are unsupported, and the idle expiry is the same for
 * every session.
 */
final class SessionWebSession implements WebSession {

	private final LazySession session;

	private final Map<String, Object> attributes;

	private final Duration expiry;

	private final Instant accessedAt = Instant.now();

	SessionWebSession(LazySession session, SessionAttributeValues values, Duration expiry) {
		this.session = session;
		this.attributes = new SessionAttributeMap(session, values);
		this.expiry = expiry;
	}

	@Override
	public String getId() {
		return this.session.id();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	/**
	 * Does nothing: a Curveball session is stored once it holds a value.
	 */
	@Override
	public void start() {
	}

	@Override
	public boolean isStarted() {
		return this.session.exists();
	}

	@Override
	public Mono<Void> changeSessionId() {
		return Mono.fromRunnable(this.session::regenerateId);
	}

	@Override
	public Mono<Void> invalidate() {
		return Mono.fromRunnable(this.session::invalidate);
	}

	/**
	 * Does nothing now: the session is saved once, before the response is committed.
	 * @return an empty {@code Mono}
	 */
	@Override
	public Mono<Void> save() {
		return Mono.empty();
	}

	@Override
	public boolean isExpired() {
		return false;
	}

	/**
	 * Not supported: a Curveball session does not store when it was created.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public Instant getCreationTime() {
		throw new UnsupportedOperationException("A Curveball session does not store its creation time");
	}

	/**
	 * Return when this exchange first used the session: every read of a session is an
	 * access that restarts its idle expiry.
	 * @return the time
	 */
	@Override
	public Instant getLastAccessTime() {
		return this.accessedAt;
	}

	/**
	 * Not supported: every session has the same idle expiry.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public void setMaxIdleTime(Duration maxIdleTime) {
		throw new UnsupportedOperationException(
				"Every Curveball session has the same idle expiry; it cannot be set per session");
	}

	@Override
	public Duration getMaxIdleTime() {
		return this.expiry;
	}

}
