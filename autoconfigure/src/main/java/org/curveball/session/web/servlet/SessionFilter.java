package org.curveball.session.web.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionCsrf;
import org.curveball.session.web.SessionProblems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its {@link org.curveball.session.Session}, as Curveball's session
 * middleware does: read from the cookie, loaded on first use, saved before the response
 * is committed. A session failure that escapes the rest of the chain (a filter that reads
 * the session while Redis is down) is answered with its problem response. Runs before
 * Spring Security's filter chain, so that security can keep its state in the session.
 */
public class SessionFilter extends OncePerRequestFilter {

	/**
	 * The filter's default order: early, before Spring Security's chain.
	 */
	public static final int DEFAULT_ORDER = Integer.MIN_VALUE + 50;

	/**
	 * The request attribute that holds the request's session.
	 */
	public static final String SESSION_ATTRIBUTE = SessionFilter.class.getName() + ".SESSION";

	private final SessionManager sessions;

	private final ServletSessionCookie cookies;

	private final SessionProblems problems;

	private final @Nullable SessionAttributeTypes httpSessionTypes;

	private volatile @Nullable String alreadyFilteredAttributeName;

	/**
	 * Create a filter that leaves {@link HttpServletRequest#getSession()} to the servlet
	 * container.
	 * @param sessions opens each request's session
	 * @param cookies reads and makes the session cookie
	 * @param problems answers session errors
	 */
	public SessionFilter(SessionManager sessions, SessionCookieCodec cookies, SessionProblems problems) {
		this(sessions, cookies, problems, null);
	}

	/**
	 * Create a filter.
	 * @param sessions opens each request's session
	 * @param cookies reads and makes the session cookie
	 * @param problems answers session errors
	 * @param httpSessionTypes the types of {@link jakarta.servlet.http.HttpSession}
	 * attributes that are not plain JSON, to make the request's {@code HttpSession} a
	 * view of its session; or {@code null} to leave it to the servlet container
	 */
	public SessionFilter(SessionManager sessions, SessionCookieCodec cookies, SessionProblems problems,
			@Nullable SessionAttributeTypes httpSessionTypes) {
		this.sessions = sessions;
		this.cookies = new ServletSessionCookie(cookies);
		this.problems = problems;
		this.httpSessionTypes = httpSessionTypes;
	}

	/**
	 * Return the name of the request attribute that marks a request as filtered, built
	 * once rather than on each request.
	 * @return the attribute name
	 */
	@Override
	protected String getAlreadyFilteredAttributeName() {
		String name = this.alreadyFilteredAttributeName;
		if (name == null) {
			name = super.getAlreadyFilteredAttributeName();
			this.alreadyFilteredAttributeName = name;
		}
		return name;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LazySession session = sessionOf(request);
		SessionSavingResponse savingResponse = new SessionSavingResponse(request, response, session, this.cookies,
				this.problems);
		try {
			chain.doFilter(withHttpSession(request, session), savingResponse);
		}
		catch (ServletException | RuntimeException ex) {
			SessionProblems.Problem problem = this.problems.problemFor(ex);
			if (problem == null || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			ServletProblems.write(problem, request, response);
		}
		finally {
			if (!isAsyncStarted(request)) {
				savingResponse.saveAtEnd();
			}
		}
	}

	private LazySession sessionOf(HttpServletRequest request) {
		if (request.getAttribute(SESSION_ATTRIBUTE) instanceof LazySession resumed) {
			return resumed;
		}
		String requestedId = this.cookies.readId(request);
		if (requestedId == null && this.cookies.isPresent(request)) {
			this.sessions.cookieRejected();
		}
		LazySession session = this.sessions.open(requestedId, () -> csrfTokenOf(request));
		request.setAttribute(SESSION_ATTRIBUTE, session);
		return session;
	}

	private HttpServletRequest withHttpSession(HttpServletRequest request, LazySession session) {
		SessionAttributeTypes types = this.httpSessionTypes;
		if (types == null) {
			return request;
		}
		return new HttpSessionRequest(request, session, this.cookies, types, this.sessions.expiry());
	}

	private static @Nullable String csrfTokenOf(HttpServletRequest request) {
		String header = request.getHeader(SessionCsrf.HEADER_NAME);
		return (header != null) ? header : request.getParameter(SessionCsrf.PARAMETER_NAME);
	}

}
