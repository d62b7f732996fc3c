package org.curveball.session.web.reactive;

import reactor.core.publisher.Mono;

import org.curveball.session.web.SessionProblems;
import org.curveball.session.web.SessionProblems.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a session problem in a WebFlux response: a client that asks for HTML (a
 * browser) gets the application's error page for the status, through WebFlux's error
 * handling; any other client gets the problem as {@code application/problem+json}.
 */
final class ReactiveProblems {

	private final SessionProblems problems;

	ReactiveProblems(SessionProblems problems) {
		this.problems = problems;
	}

	/**
	 * Answer an error of the filter chain if it is a session error and the response can
	 * still take an answer, else pass it on.
	 * @param exchange the exchange
	 * @param ex the error
	 * @return the answer, or the error
	 */
	Mono<Void> answer(ServerWebExchange exchange, Throwable ex) {
		Problem problem = this.problems.problemFor(ex);
		ServerHttpResponse response = exchange.getResponse();
		if (problem == null || response.isCommitted()) {
			return Mono.error(ex);
		}
		if (SessionProblems.asksForHtml(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT))) {
			return Mono.error(new ResponseStatusException(problem.status(), problem.detail(), ex));
		}
		byte[] body = problem.toJson(exchange.getRequest().getPath().value());
		response.setStatusCode(problem.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
