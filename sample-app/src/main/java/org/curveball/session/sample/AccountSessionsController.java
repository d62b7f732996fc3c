package org.curveball.session.sample;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.curveball.session.principal.PrincipalSession;
import org.curveball.session.principal.PrincipalSessions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Where the signed-in user is signed in, as JSON, from the index of each user's sessions
 * that the starter keeps in Redis, and the account page's buttons that end the other
 * sessions, or all of them, on every instance.
 */
@Controller
public class AccountSessionsController {

	private final PrincipalSessions principals;

	AccountSessionsController(PrincipalSessions principals) {
		this.principals = principals;
	}

	@GetMapping("/account/sessions")
	@ResponseBody
	List<PrincipalSession> sessions(Authentication user, HttpSession session) {
		return this.principals.list(user.getName(), session.getId());
	}

	@PostMapping("/account/sessions/sign-out-others")
	RedirectView signOutOthers(Authentication user, HttpSession session, RedirectAttributes flash) {
		int ended = this.principals.endOthers(user.getName(), session.getId());
		flash.addFlashAttribute("notice", "Signed out " + ended + " other session(s): their keys were deleted "
				+ "from Redis, so their next request, on any instance, finds no session.");
		return SeeOther.to("/account");
	}

	@PostMapping("/account/sessions/sign-out-everywhere")
	RedirectView signOutEverywhere(Authentication user, HttpSession session) {
		this.principals.endAll(user.getName());
		session.invalidate();
		return SeeOther.to("/?signed-out");
	}

}
