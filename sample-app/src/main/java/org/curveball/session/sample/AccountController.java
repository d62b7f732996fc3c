package org.curveball.session.sample;

import java.net.URI;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The signed-in user's page: their name, a colour theme kept in the {@link HttpSession}
 * as a typed object, and a sign-out button.
 */
@Controller
public class AccountController {

	static final String PREFERENCES = "preferences";

	@GetMapping(path = "/account", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String account(Authentication user, HttpSession session, CsrfToken csrf) {
		AccountPreferences preferences = (session.getAttribute(PREFERENCES) instanceof AccountPreferences stored)
				? stored : AccountPreferences.DEFAULT;
		return AccountPage.render(user.getName(), preferences, csrf);
	}

	@PostMapping("/account/theme")
	ResponseEntity<Void> setTheme(HttpSession session, @RequestParam String theme) {
		session.setAttribute(PREFERENCES, new AccountPreferences(theme));
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/account")).build();
	}

}
