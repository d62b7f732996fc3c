package org.curveball.session.sample;

import java.net.URI;

import org.curveball.session.Session;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The sample's page: a visit counter, a form that sets your name and a button that ends
 * the session, both forms protected by the session's CSRF token. Each form posts and
 * redirects back to the page.
 */
@Controller
public class HomeController {

	private static final String VISITS = "visits";

	private static final String NAME = "name";

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String home(Session session) {
		Integer previous = session.get(VISITS, Integer.class);
		int visits = (previous != null) ? previous + 1 : 1;
		session.put(VISITS, visits);
		return HomePage.render(visits, session.get(NAME, String.class), session.csrfToken());
	}

	@PostMapping("/name")
	ResponseEntity<Void> setName(Session session, @RequestParam String name) {
		session.validateCsrf();
		session.put(NAME, name);
		return backHome();
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(Session session) {
		session.validateCsrf();
		session.invalidate();
		return backHome();
	}

	private static ResponseEntity<Void> backHome() {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/")).build();
	}

}
