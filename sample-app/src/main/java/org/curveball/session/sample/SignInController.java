package org.curveball.session.sample;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security checks the form it posts.
 */
@Controller
public class SignInController {

	@GetMapping("/login")
	String signIn(CsrfToken csrf) {
		PageCsrfToken.createBeforeRendering(csrf);
		return "login";
	}

}
