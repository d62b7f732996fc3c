package org.curveball.session.web.reactive;

import reactor.core.publisher.Mono;

import org.curveball.session.Session;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The Curveball session of a WebFlux exchange, for functional endpoints and filters: a
 * {@code Mono} that reads the session from the store when subscribed (once per exchange)
 * and emits it ready to use, without a further call to the store until it is saved with
 * the response. Annotated controllers take a {@link Session} parameter instead.
 * <pre class="code">
 * route(GET("/visits"), (request) -&gt; ReactiveSessions.of(request).flatMap((session) -&gt; {
 *     Integer visits = session.get("visits", Integer.class);
 *     session.put("visits", (visits != null) ? visits + 1 : 1);
 *     return ServerResponse.ok().bodyValue("visit " + session.get("visits"));
 * }));
 * </pre>
 */
public final class ReactiveSessions {

	private ReactiveSessions() {
	}

	/**
	 * Return the session of a functional endpoint's request.
	 * @param request the request
	 * @return the session, once read; an error if the store failed, which the
	 * {@link SessionWebFilter} answers with a problem response
	 */
	public static Mono<Session> of(ServerRequest request) {
		return of(request.exchange());
	}

	/**
	 * Return the session of an exchange.
	 * @param exchange the exchange
	 * @return the session, once read; an error if the store failed, which the
	 * {@link SessionWebFilter} answers with a problem response
	 */
	public static Mono<Session> of(ServerWebExchange exchange) {
		return ExchangeSession.of(exchange).cast(Session.class);
	}

}
