package org.curveball.session.web.servlet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.CsrfException;
import org.curveball.session.UnstorableAttributeException;
import org.curveball.session.SessionStoreException;
import org.curveball.session.SessionTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers session errors with an RFC 9457 problem ({@code application/problem+json}):
 * {@code 403} for a CSRF failure, {@code 503} when the store is unavailable, {@code 500}
 * for a session over its size limit or holding an object of a type that is not allowed.
 * Bodies never hold a stack trace or a session id.
 */
public final class SessionProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Return the problem that answers an exception, if it is a session error or was
	 * caused by one.
	 * @param ex the exception
	 * @return the problem, or {@code null} if the exception is not a session error
	 */
	public static @Nullable Problem problemFor(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			Problem problem = problemForException(cause);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static @Nullable Problem problemForException(Throwable ex) {
		if (ex instanceof CsrfException) {
			return new Problem(HttpStatus.FORBIDDEN, CsrfException.TYPE, "CSRF Error", ex.getMessage());
		}
		if (ex instanceof SessionStoreException) {
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "about:blank", "Service Unavailable",
					"The session store is unavailable; try again later.");
		}
		if (ex instanceof SessionTooLargeException) {
			return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "about:blank", "Session Too Large", ex.getMessage());
		}
		if (ex instanceof UnstorableAttributeException) {
			return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "about:blank", "Session Value Type Not Allowed",
					ex.getMessage());
		}
		return null;
	}

	private SessionProblems() {
	}

	/**
	 * A problem to answer with.
	 *
	 * @param status the HTTP status
	 * @param type the problem type URI
	 * @param title the short, human-readable summary
	 * @param detail the explanation of this occurrence
	 */
	public record Problem(HttpStatus status, String type, String title, @Nullable String detail) {

		/**
		 * Write the problem as the response's status and body.
		 * @param request the request, whose path becomes the problem's instance
		 * @param response the response, not yet committed
		 * @throws IOException if the body cannot be written
		 */
		public void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", this.type);
			body.put("title", this.title);
			body.put("status", this.status.value());
			if (this.detail != null) {
				body.put("detail", this.detail);
			}
			body.put("instance", request.getRequestURI());
			response.setStatus(this.status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			JSON.writeValue(response.getOutputStream(), body);
		}

	}

}
