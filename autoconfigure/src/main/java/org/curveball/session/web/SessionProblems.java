package org.curveball.session.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.CsrfException;
import org.curveball.session.SessionStoreException;
import org.curveball.session.SessionTooLargeException;
import org.curveball.session.UnstorableAttributeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Maps session errors to RFC 9457 problems ({@code application/problem+json}):
 * {@code 403} for a CSRF failure, {@code 503} when the store is unavailable, {@code 500}
 * for a session over its size limit or holding an object of a type that is not allowed.
 * Bodies never hold a stack trace or a session id.
 */
public final class SessionProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String sizeLimitName;

	/**
	 * Create the mapping.
	 * @param sizeLimitName where the size limit is set, named in the problem of a session
	 * that exceeds it, such as a configuration property
	 */
	public SessionProblems(String sizeLimitName) {
		this.sizeLimitName = sizeLimitName;
	}

	/**
	 * Return the problem that answers an exception, if it is a session error or was
	 * caused by one.
	 * @param ex the exception
	 * @return the problem, or {@code null} if the exception is not a session error
	 */
	public @Nullable Problem problemFor(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			Problem problem = problemForException(cause);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	/**
	 * Return whether a client asks for HTML (a browser), so that it gets the
	 * application's error page rather than a problem body.
	 * @param accept the request's {@code Accept} header, or {@code null}
	 * @return {@code true} if it accepts {@code text/html} explicitly
	 */
	public static boolean asksForHtml(@Nullable String accept) {
		if (accept == null || !accept.contains("html")) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private @Nullable Problem problemForException(Throwable ex) {
		if (ex instanceof CsrfException) {
			return new Problem(HttpStatus.FORBIDDEN, CsrfException.TYPE, "CSRF Error", ex.getMessage());
		}
		if (ex instanceof SessionStoreException) {
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "about:blank", "Service Unavailable",
					"The session store is unavailable; try again later.");
		}
		if (ex instanceof SessionTooLargeException tooLarge) {
			return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "about:blank", "Session Too Large",
					"Session of " + tooLarge.getSize() + " bytes exceeds the limit of " + tooLarge.getLimit()
							+ " bytes set by " + this.sizeLimitName + "; nothing was saved");
		}
		if (ex instanceof UnstorableAttributeException) {
			return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "about:blank", "Session Value Type Not Allowed",
					ex.getMessage());
		}
		return null;
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
		 * Return the problem's {@code application/problem+json} body.
		 * @param instance the path of the request it answers
		 * @return the body, as UTF-8 JSON
		 */
		public byte[] toJson(String instance) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", this.type);
			body.put("title", this.title);
			body.put("status", this.status.value());
			if (this.detail != null) {
				body.put("detail", this.detail);
			}
			body.put("instance", instance);
			return JSON.writeValueAsBytes(body);
		}

	}

}
