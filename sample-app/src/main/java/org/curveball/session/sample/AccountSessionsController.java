package org.curveball.session.sample;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.curveball.session.principal.PrincipalSession;
import org.curveball.session.principal.PrincipalSessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the signed-in user is signed in, from the index of each user's sessions that the
 * starter keeps in Redis, and the buttons that end those sessions on every instance.
 */
@RestController
public class AccountSessionsController {

	private final PrincipalSessions principals;

	AccountSessionsController(PrincipalSessions principals) {
		this.principals = principals;
	}

	@GetMapping("/account/sessions")
	List<PrincipalSession> sessions(Authentication user, HttpSession session) {
		return this.principals.list(user.getName(), session.getId());
	}

	@PostMapping("/account/sessions/sign-out-others")
	ResponseEntity<Void> signOutOthers(Authentication user, HttpSession session) {
		this.principals.endOthers(user.getName(), session.getId());
		return seeOther("/account");
	}

	@PostMapping("/account/sessions/sign-out-everywhere")
	ResponseEntity<Void> signOutEverywhere(Authentication user, HttpServletRequest request) {
		this.principals.endAll(user.getName());
		request.getSession().invalidate();
		return seeOther("/");
	}

	private static ResponseEntity<Void> seeOther(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
	}

}
