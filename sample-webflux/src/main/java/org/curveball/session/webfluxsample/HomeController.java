package org.curveball.session.webfluxsample;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what the sample offers, without touching the session.
 */
@Controller
public class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
