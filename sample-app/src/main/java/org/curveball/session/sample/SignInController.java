package org.curveball.session.sample;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security checks the form it posts. After a refused sign-in it
 * says why as far as that tells an attacker nothing: that the account has as many
 * sessions as it may, or else only that the sign-in failed (not whether the account
 * exists, is locked or expired). It learns which from the exception Spring Security kept
 * in the session, which any instance reads back.
 */
@Controller
public class SignInController {

	static final String FAILED = "Wrong user name or password, or an account that cannot sign in now.";

	static final String TOO_MANY_SESSIONS = "This account is signed in on as many devices as it may be, or is "
			+ "signing in on another one right now: sign out there, or try again in a moment.";

	@GetMapping("/login")
	String signIn(CsrfToken csrf, HttpServletRequest request, Model model) {
		PageCsrfToken.createBeforeRendering(csrf);
		model.addAttribute("signInFailure", failureOf(request.getSession(false)));
		return "login";
	}

	private static String failureOf(@Nullable HttpSession session) {
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		return (failure instanceof SessionAuthenticationException) ? TOO_MANY_SESSIONS : FAILED;
	}

}
