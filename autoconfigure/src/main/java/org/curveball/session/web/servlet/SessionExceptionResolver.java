package org.curveball.session.web.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.curveball.session.web.SessionProblems;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers session errors thrown by Spring MVC handlers with their problem responses,
 * before the application's own resolvers see them.
 */
public final class SessionExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final SessionProblems problems;

	/**
	 * Create a resolver.
	 * @param problems maps session errors to problems
	 */
	public SessionExceptionResolver(SessionProblems problems) {
		this.problems = problems;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		SessionProblems.Problem problem = this.problems.problemFor(ex);
		if (problem == null || response.isCommitted()) {
			return null;
		}
		try {
			response.resetBuffer();
			ServletProblems.write(problem, request, response);
			return new ModelAndView();
		}
		catch (IOException writeFailure) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
