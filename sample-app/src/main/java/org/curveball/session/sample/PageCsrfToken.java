package org.curveball.session.sample;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * Spring Security makes its CSRF token only when something first asks for it, and keeps
 * it in the session. A Thymeleaf form ({@code th:action}) asks while the page renders,
 * after the starter's first save of the session; the starter saves a session created then
 * before the page leaves, but the page could no longer show that save among the commands
 * it cost. The pages whose forms carry Spring's token therefore ask for it before they
 * render.
 */
final class PageCsrfToken {

	private PageCsrfToken() {
	}

	static void createBeforeRendering(CsrfToken csrf) {
		csrf.getToken();
	}

}
