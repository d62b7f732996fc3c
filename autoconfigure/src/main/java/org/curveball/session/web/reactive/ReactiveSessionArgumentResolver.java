package org.curveball.session.web.reactive;

import reactor.core.publisher.Mono;

import org.curveball.session.Session;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves a parameter of type {@link Session} of an annotated WebFlux handler to the
 * exchange's session, read from the store before the handler runs.
 */
public final class ReactiveSessionArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Session.class.equals(parameter.getParameterType());
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return ReactiveSessions.of(exchange).cast(Object.class);
	}

}
