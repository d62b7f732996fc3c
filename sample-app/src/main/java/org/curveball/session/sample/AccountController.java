package org.curveball.session.sample;

import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.curveball.session.principal.PrincipalSessions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The signed-in user's page: who is signed in, on which instance, a colour theme kept in
 * the {@link HttpSession} as a typed object, where else the user is signed in, and
 * buttons that sign out this session, the others, or all of them. Its forms carry Spring
 * Security's CSRF token, which Security keeps in the session too.
 */
@Controller
public class AccountController {

	static final String PREFERENCES = "preferences";

	private final PrincipalSessions principals;

	AccountController(PrincipalSessions principals) {
		this.principals = principals;
	}

	@GetMapping("/account")
	String account(Authentication user, HttpSession session, CsrfToken csrf, Model model) {
		PageCsrfToken.createBeforeRendering(csrf);
		AccountPreferences preferences = (session.getAttribute(PREFERENCES) instanceof AccountPreferences stored)
				? stored : AccountPreferences.DEFAULT;
		model.addAttribute("user", user.getName());
		model.addAttribute("theme", preferences.theme());
		model.addAttribute("themes", AccountPreferences.THEMES);
		Instant now = Instant.now();
		model.addAttribute("sessions",
				this.principals.list(user.getName(), session.getId())
					.stream()
					.map((signedIn) -> SignedInSession.of(signedIn, now))
					.toList());
		return "account";
	}

	@PostMapping("/account/theme")
	RedirectView setTheme(HttpSession session, @RequestParam String theme, RedirectAttributes flash) {
		if (!AccountPreferences.THEMES.contains(theme)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such theme: " + theme);
		}
		session.setAttribute(PREFERENCES, new AccountPreferences(theme));
		flash.addFlashAttribute("notice", "Saved the " + theme + " theme. The session holds it as an "
				+ "AccountPreferences object, stored as JSON with its type id.");
		return SeeOther.to("/account");
	}

}
