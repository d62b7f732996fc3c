package org.curveball.session.web.reactive;

import reactor.core.publisher.Mono;

import org.curveball.session.core.LazySession;
import org.springframework.web.server.ServerWebExchange;

/**
 * Work on an exchange's session just before {@link SessionWebFilter} saves it with the
 * response, such as recording who signed in to it. Hooks are beans, called in their
 * order, and only for an exchange that read its session: one that never asked for it
 * costs them nothing. The save waits for each hook's {@code Mono}.
 * <p>
 * A hook runs where the response is committed, usually an event loop: work that blocks
 * must be subscribed on another scheduler.
 */
@FunctionalInterface
public interface SessionSaveHook {

	/**
	 * Act on the session about to be saved.
	 * @param exchange the exchange
	 * @param session its session, read; changes made to it are saved
	 * @return completes when the session may be saved; an error fails the save, as a
	 * failure of the store does
	 */
	Mono<Void> beforeSave(ServerWebExchange exchange, LazySession session);

}
