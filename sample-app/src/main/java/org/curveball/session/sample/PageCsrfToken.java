package org.curveball.session.sample;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * Spring Security makes its CSRF token only when something first asks for it, and keeps
 * it in the session. A Thymeleaf form ({@code th:action}) asks while the page renders,
 * after the starter has saved the session and too late to send the cookie of a session
 * that the token creates. The pages whose forms carry Spring's token therefore ask for it
 * before they render.
 */
final class PageCsrfToken {

	private PageCsrfToken() {
	}

	static void createBeforeRendering(CsrfToken csrf) {
		csrf.getToken();
	}

}
