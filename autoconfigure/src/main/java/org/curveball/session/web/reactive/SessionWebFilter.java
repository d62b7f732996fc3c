package org.curveball.session.web.reactive;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.curveball.session.SessionIds;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionCommit;
import org.curveball.session.core.SessionManager;
import org.curveball.session.web.CookieHeaders;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionProblems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every WebFlux exchange its {@link org.curveball.session.Session}, as the servlet
 * {@code SessionFilter} does: read from the cookie, loaded from the store only when a
 * handler asks for it ({@link ReactiveSessions}, a {@code Session} parameter,
 * {@code exchange.getSession()}), saved once before the response is committed, with the
 * same cookie rules, after the {@link SessionSaveHook}s. A session failure is answered
 * with its problem response. No call blocks: the manager's store must be non-blocking.
 */
public class SessionWebFilter implements WebFilter, Ordered {

	/**
	 * The filter's default order: early, before Spring Security's filter chain.
	 */
	public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

	private static final Log logger = LogFactory.getLog(SessionWebFilter.class);

	private final SessionManager sessions;

	private final SessionCookieCodec cookies;

	private final ReactiveProblems problems;

	private final List<SessionSaveHook> saveHooks;

	private final int order;

	/**
	 * Create a filter.
	 * @param sessions opens each exchange's session, over a non-blocking store
	 * @param cookies reads and makes the session cookie
	 * @param problems answers session errors
	 * @param saveHooks what acts on a session that was read, before it is saved, in order
	 * @param order the filter's order
	 * @throws IllegalArgumentException if the manager's store blocks
	 */
	public SessionWebFilter(SessionManager sessions, SessionCookieCodec cookies, SessionProblems problems,
			List<SessionSaveHook> saveHooks, int order) {
		if (sessions.isBlocking()) {
			throw new IllegalArgumentException("A WebFlux session filter needs a SessionManager over a "
					+ "non-blocking AsyncSessionStore: a blocking store would block the event loop");
		}
		// SessionIds draws its log salt from the operating system when first used: now,
		// at start-up, rather than on an event loop
		SessionIds.isWellFormed("");
		this.sessions = sessions;
		this.cookies = cookies;
		this.problems = new ReactiveProblems(problems);
		this.saveHooks = List.copyOf(saveHooks);
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String cookie = cookieValue(exchange.getRequest());
		String requestedId = this.cookies.idOf(cookie);
		if (requestedId == null && cookie != null) {
			this.sessions.cookieRejected();
		}
		ExchangeSession session = new ExchangeSession(this.sessions, requestedId, exchange);
		exchange.getAttributes().put(ExchangeSession.ATTRIBUTE, session);
		exchange.getResponse().beforeCommit(() -> save(exchange, session, cookie != null));
		return chain.filter(exchange).onErrorResume((ex) -> this.problems.answer(exchange, ex));
	}

	private Mono<Void> save(ServerWebExchange exchange, ExchangeSession session, boolean cookiePresent) {
		LazySession read = session.read();
		// a session that nothing asked for has nothing to save and keeps its cookie
		if (read == null || !session.startSaving()) {
			return Mono.empty();
		}
		return beforeSave(exchange, read).then(Mono.fromFuture(session::commit, true))
			.doOnNext((commit) -> addCookie(exchange, commit, cookiePresent))
			.doOnError((ex) -> logger.warn("Session could not be saved: " + ex.getMessage()))
			.then();
	}

	private Mono<Void> beforeSave(ServerWebExchange exchange, LazySession read) {
		if (this.saveHooks.isEmpty()) {
			return Mono.empty();
		}
		Mono<Void> hooks = Flux.fromIterable(this.saveHooks)
			.concatMap((hook) -> hook.beforeSave(exchange, read))
			.then();
		// a hook that moved to another scheduler hands the save back to the connection's
		// event loop
		return Mono.fromFuture(() -> ConnectionEventLoop.resume(exchange.getRequest(), hooks.toFuture()), true);
	}

	private void addCookie(ServerWebExchange exchange, SessionCommit commit, boolean cookiePresent) {
		if (!this.cookies.needsCookie(commit, cookiePresent)) {
			return;
		}
		boolean secure = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
		String id = commit.id();
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders()
			.add(HttpHeaders.SET_COOKIE,
					((id != null) ? this.cookies.cookie(id, secure) : this.cookies.expiredCookie(secure)).toString());
	}

	private @Nullable String cookieValue(ServerHttpRequest request) {
		List<String> headers = request.getHeaders().get(HttpHeaders.COOKIE);
		return (headers != null) ? CookieHeaders.firstValue(headers.iterator(), this.cookies.settings().name()) : null;
	}

}
