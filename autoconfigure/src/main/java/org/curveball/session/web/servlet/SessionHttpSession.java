package org.curveball.session.web.servlet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.curveball.session.core.LazySession;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.web.SessionAttributeValues;

/**
 * An {@link HttpSession} that is a second view of the request's Curveball session: the
 * same cookie, the same Redis key, the same lazy loading and saving.
 * <p>
 * Attributes that are plain JSON are stored as they are; other objects with their type
 * id, for the types on the allow-list of {@link SessionAttributeTypes}. What the
 * Curveball format does not keep is not invented: {@link #getCreationTime()} and
 * {@link #setMaxInactiveInterval(int)} are unsupported, the idle expiry is the same for
 * every session, and binding listeners are not notified.
 */
final class SessionHttpSession implements HttpSession {

	private final LazySession session;

	private final SessionAttributeValues attributes;

	private final ServletContext servletContext;

	private final Duration expiry;

	private final long accessedAt = System.currentTimeMillis();

	private boolean invalidated;

	SessionHttpSession(LazySession session, SessionAttributeTypes types, ServletContext servletContext,
			Duration expiry) {
		this.session = session;
		this.attributes = new SessionAttributeValues(types);
		this.servletContext = servletContext;
		this.expiry = expiry;
	}

	boolean isInvalidated() {
		return this.invalidated;
	}

	/**
	 * Not supported: a Curveball session does not store when it was created.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public long getCreationTime() {
		checkValid();
		throw new UnsupportedOperationException("A Curveball session does not store its creation time");
	}

	@Override
	public String getId() {
		checkValid();
		return this.session.id();
	}

	/**
	 * Return when this request first used the session: every read of a session is an
	 * access that restarts its idle expiry.
	 * @return the time, in milliseconds since the epoch
	 */
	@Override
	public long getLastAccessedTime() {
		checkValid();
		return this.accessedAt;
	}

	@Override
	public ServletContext getServletContext() {
		return this.servletContext;
	}

	/**
	 * Not supported: every session has the same idle expiry.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public void setMaxInactiveInterval(int interval) {
		throw new UnsupportedOperationException(
				"Every Curveball session has the same idle expiry; it cannot be set per session");
	}

	@Override
	public int getMaxInactiveInterval() {
		return (int) this.expiry.toSeconds();
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		checkValid();
		return this.session.get(name);
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		checkValid();
		return Collections.enumeration(new ArrayList<>(this.session.asMap().keySet()));
	}

	/**
	 * Set an attribute, as {@link SessionAttributeValues#set} does.
	 */
	@Override
	public void setAttribute(String name, @Nullable Object value) {
		checkValid();
		this.attributes.set(this.session, name, value);
	}

	@Override
	public void removeAttribute(String name) {
		checkValid();
		this.session.remove(name);
	}

	@Override
	public void invalidate() {
		checkValid();
		this.invalidated = true;
		this.session.invalidate();
	}

	@Override
	public boolean isNew() {
		checkValid();
		return !this.session.isStored();
	}

	private void checkValid() {
		if (this.invalidated) {
			throw new IllegalStateException("The session was invalidated");
		}
	}

}
