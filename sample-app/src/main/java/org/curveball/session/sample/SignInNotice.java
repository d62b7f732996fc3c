package org.curveball.session.sample;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * After a sign-in, leaves a flash notice that says who signed in where and how the
 * session id changed, then goes on to the account page, the sample's only page for
 * signed-in users.
 * <p>
 * It does not return to the page asked for before signing in as Spring Security's default
 * handler does: Security shows that page ({@code /account?continue}) with the cookies of
 * the request it saved before the sign-in, which lack the marker cookie of the starter's
 * flash attributes, so the notice would be lost. The saved request is removed from the
 * session instead.
 */
final class SignInNotice implements AuthenticationSuccessHandler {

	private final FlashMapManager flashMaps;

	private final SampleInstance instance;

	private final RequestCache savedRequests = new HttpSessionRequestCache();

	private final SimpleUrlAuthenticationSuccessHandler next = new SimpleUrlAuthenticationSuccessHandler("/account");

	SignInNotice(FlashMapManager flashMaps, SampleInstance instance) {
		this.flashMaps = flashMaps;
		this.instance = instance;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		String before = request.getRequestedSessionId();
		FlashMap flash = new FlashMap();
		flash.put("notice", "Signed in as " + authentication.getName() + " on " + this.instance.of(request)
				+ ". Spring Security moved the session to a new id"
				+ ((before != null)
						? " (" + SessionFingerprint.of(before) + " → " + SessionFingerprint.of(request) + ")" : "")
				+ ", so that an id known before signing in is worthless now.");
		this.flashMaps.saveOutputFlashMap(flash, request, response);
		this.savedRequests.removeRequest(request, response);
		this.next.onAuthenticationSuccess(request, response, authentication);
	}

}
