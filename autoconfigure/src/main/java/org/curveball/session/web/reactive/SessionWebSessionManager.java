package org.curveball.session.web.reactive;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.web.SessionAttributeValues;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Makes {@code exchange.getSession()} (and so Spring Security WebFlux's security context
 * repository, a {@code WebSession} handler parameter, WebFlux's CSRF token repository) a
 * view of the exchange's Curveball session. WebFlux uses the bean named
 * {@code webSessionManager}.
 */
public final class SessionWebSessionManager implements WebSessionManager {

	private final SessionAttributeValues values;

	private final Duration expiry;

	/**
	 * Create the manager.
	 * @param types the types of attributes that are not plain JSON
	 * @param expiry the sessions' idle expiry
	 */
	public SessionWebSessionManager(SessionAttributeTypes types, Duration expiry) {
		this.values = new SessionAttributeValues(types);
		this.expiry = expiry;
	}

	@Override
	public Mono<WebSession> getSession(ServerWebExchange exchange) {
		return ExchangeSession.of(exchange).map((session) -> new SessionWebSession(session, this.values, this.expiry));
	}

}
