package org.curveball.session.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: what the sample demonstrates, a link to each part, and what this request
 * cost and found in Redis. It never uses the session, only looks at its key, so that
 * looking does not restart the idle expiry.
 */
@Controller
public class HomeController {

	@GetMapping("/")
	String home(@RequestParam(name = "signed-out", required = false) @Nullable String signedOut, Model model) {
		if (signedOut != null) {
			model.addAttribute("notice", "You signed out. Spring Security ended the session, which deleted it from "
					+ "Redis: no instance knows it any more.");
		}
		return "home";
	}

}
