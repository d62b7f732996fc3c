package org.curveball.session.web.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.curveball.session.web.SessionProblems;
import org.curveball.session.web.SessionProblems.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Answers a session problem in a servlet response: a client that asks for HTML (a
 * browser) gets the application's error page for the status, through the container's
 * error handling ({@code templates/error/503.html} with Spring Boot, say); any other
 * client gets the problem as {@code application/problem+json}.
 */
final class ServletProblems {

	private ServletProblems() {
	}

	/**
	 * Answer a problem with the response's status and body.
	 * @param problem the problem
	 * @param request the request, whose path becomes the problem's instance
	 * @param response the response, not yet committed
	 * @throws IOException if the body cannot be written
	 */
	static void write(Problem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (SessionProblems.asksForHtml(request.getHeader(HttpHeaders.ACCEPT))) {
			response.sendError(problem.status().value());
			return;
		}
		byte[] body = problem.toJson(request.getRequestURI());
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(body);
	}

}
