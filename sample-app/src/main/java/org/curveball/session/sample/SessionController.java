package org.curveball.session.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.curveball.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The session page: a visit counter, a name to save, and buttons that end the session and
 * move it to a new id. The forms carry the session's own CSRF token; each post says what
 * it did in a flash notice and redirects back to the page.
 */
@Controller
public class SessionController {

	static final String VISITS = "visits";

	static final String NAME = "name";

	@GetMapping("/session")
	String page(Session session, Model model) {
		Integer previous = session.get(VISITS, Integer.class);
		int visits = (previous != null) ? previous + 1 : 1;
		session.put(VISITS, visits);
		model.addAttribute(VISITS, visits);
		model.addAttribute(NAME, session.get(NAME, String.class));
		model.addAttribute("csrfToken", session.csrfToken());
		return "session";
	}

	@PostMapping("/session/name")
	RedirectView saveName(Session session, @RequestParam String name, RedirectAttributes flash) {
		session.validateCsrf();
		session.put(NAME, name);
		return backWithNotice(flash,
				"Saved your name in the session. Redis holds it under \"name\" now, for every " + "instance to read.");
	}

	@PostMapping("/session/end")
	RedirectView end(Session session, HttpServletRequest request, RedirectAttributes flash) {
		session.validateCsrf();
		String ended = SessionFingerprint.of(request);
		session.invalidate();
		return backWithNotice(flash, "Ended session " + ended + ": its key was deleted from Redis. This page now "
				+ "counts in a new session, which began to carry this notice.");
	}

	@PostMapping("/session/regenerate")
	RedirectView regenerate(Session session, HttpServletRequest request, RedirectAttributes flash) {
		session.validateCsrf();
		String before = SessionFingerprint.of(request);
		session.regenerateId();
		return backWithNotice(flash, "Moved the session from id " + before + " to id " + SessionFingerprint.of(request)
				+ ": same values under a new key, the old key deleted. Applications do this at sign-in, so that an "
				+ "id known before is worthless after.");
	}

	private static RedirectView backWithNotice(RedirectAttributes flash, String notice) {
		flash.addFlashAttribute("notice", notice);
		return SeeOther.to("/session");
	}

}
