package org.curveball.session.security;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.curveball.session.core.LazySession;
import org.curveball.session.web.reactive.ReactiveSessions;
import org.springframework.web.server.ServerWebExchange;

/**
 * The Curveball session of the exchange a reactive pipeline serves, found through the
 * exchange that Spring Security WebFlux puts in the Reactor context, so that its
 * callbacks, which pass a session id at most, share the exchange's session and its single
 * read.
 *
 * @param exchange the exchange
 * @param session its session, read
 */
record CurrentExchangeSession(ServerWebExchange exchange, LazySession session) {

	/**
	 * Return the session of the current exchange.
	 * @return the session, once read; empty outside an exchange
	 */
	static Mono<CurrentExchangeSession> find() {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(context.getOrEmpty(ServerWebExchange.class)))
			.cast(ServerWebExchange.class)
			.flatMap((exchange) -> ReactiveSessions.of(exchange)
				.map((session) -> new CurrentExchangeSession(exchange, (LazySession) session)));
	}

	/**
	 * Return the session of the current exchange if it is the one with the given id.
	 * @param sessionId the id
	 * @return the session, or empty if the current exchange has another or none
	 */
	static Mono<CurrentExchangeSession> withId(String sessionId) {
		return find().filter((current) -> current.session.id().equals(sessionId));
	}

	/**
	 * Return what the client says it is, for a list of the places a user is signed in.
	 * @return the exchange's {@code User-Agent}, cut to
	 * {@value Devices#MAX_DEVICE_LENGTH} characters, or {@code null} if it sent none
	 */
	@Nullable String device() {
		return Devices.of(this.exchange.getRequest().getHeaders().getFirst("User-Agent"));
	}

}
