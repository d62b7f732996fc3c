package org.curveball.session.web.servlet;

import java.time.Duration;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.curveball.session.core.LazySession;
import org.curveball.session.json.SessionAttributeTypes;

/**
 * A request whose {@link HttpSession} is a view of its Curveball session.
 * {@link #changeSessionId()} moves the session to a new id.
 * <p>
 * {@code getSession(false)} reads nothing: without a session cookie it returns
 * {@code null}, with one it returns a view that reads the session on first use, and whose
 * {@link HttpSession#getId()} is the cookie's id until then. Spring MVC asks for the
 * session id at the end of every request (for its {@code ServletRequestHandledEvent}),
 * which would otherwise cost every request with a cookie a Redis command. A view of a
 * session that turns out not to be stored holds no attributes, as a new session.
 */
final class HttpSessionRequest extends HttpServletRequestWrapper {

	private final LazySession session;

	private final ServletSessionCookie cookies;

	private final SessionAttributeTypes types;

	private final Duration expiry;

	private @Nullable SessionHttpSession view;

	HttpSessionRequest(HttpServletRequest request, LazySession session, ServletSessionCookie cookies,
			SessionAttributeTypes types, Duration expiry) {
		super(request);
		this.session = session;
		this.cookies = cookies;
		this.types = types;
		this.expiry = expiry;
	}

	@Override
	public @Nullable HttpSession getSession(boolean create) {
		SessionHttpSession current = this.view;
		if (current != null && !current.isInvalidated()) {
			return current;
		}
		if (!create && !this.session.mayExist()) {
			return null;
		}
		if (create && !this.session.exists()) {
			this.session.id();
		}
		current = new SessionHttpSession(this.session, this.types, getServletContext(), this.expiry);
		this.view = current;
		return current;
	}

	@Override
	public HttpSession getSession() {
		return Objects.requireNonNull(getSession(true));
	}

	@Override
	public String changeSessionId() {
		if (getSession(false) == null) {
			throw new IllegalStateException("The request has no session whose id could change");
		}
		this.session.regenerateId();
		return this.session.id();
	}

	@Override
	public @Nullable String getRequestedSessionId() {
		return this.cookies.readId(this);
	}

	@Override
	public boolean isRequestedSessionIdValid() {
		String requestedId = getRequestedSessionId();
		return requestedId != null && this.session.isStored() && requestedId.equals(this.session.id());
	}

	@Override
	public boolean isRequestedSessionIdFromCookie() {
		return getRequestedSessionId() != null;
	}

	@Override
	public boolean isRequestedSessionIdFromURL() {
		return false;
	}

}
