package org.curveball.session.web.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.curveball.session.web.SessionProblems.Problem;
import org.springframework.http.MediaType;

/**
 * Writes a session problem as a servlet response.
 */
final class ServletProblems {

	private ServletProblems() {
	}

	/**
	 * Write a problem as the response's status and body.
	 * @param problem the problem
	 * @param request the request, whose path becomes the problem's instance
	 * @param response the response, not yet committed
	 * @throws IOException if the body cannot be written
	 */
	static void write(Problem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = problem.toJson(request.getRequestURI());
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(body);
	}

}
