package org.curveball.session.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.curveball.session.core.LazySession;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The Curveball session of the request the current thread serves, found through Spring's
 * {@link RequestContextHolder}, so that Spring Security's callbacks, which pass a session
 * id at most, share the request's session and its single read.
 *
 * @param request the request
 * @param session its session
 */
record CurrentRequestSession(HttpServletRequest request, LazySession session) {

	/**
	 * Return the session of the current request.
	 * @return the session, or {@code null} outside a request or without a Curveball
	 * session
	 */
	static @Nullable CurrentRequestSession find() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest()
					.getAttribute(SessionFilter.SESSION_ATTRIBUTE) instanceof LazySession session) {
			return new CurrentRequestSession(attributes.getRequest(), session);
		}
		return null;
	}

	/**
	 * Return the session of the current request if it is the one with the given id.
	 * @param sessionId the id
	 * @return the session, or {@code null} if the current request has another or none
	 */
	static @Nullable CurrentRequestSession withId(String sessionId) {
		CurrentRequestSession current = find();
		return (current != null && current.session.id().equals(sessionId)) ? current : null;
	}

	/**
	 * Return what the client says it is, for a list of the places a user is signed in.
	 * @return the request's {@code User-Agent}, cut to {@value Devices#MAX_DEVICE_LENGTH}
	 * characters, or {@code null} if it sent none
	 */
	@Nullable String device() {
		return Devices.of(this.request.getHeader("User-Agent"));
	}

}
