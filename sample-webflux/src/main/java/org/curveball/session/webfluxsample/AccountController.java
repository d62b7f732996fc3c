package org.curveball.session.webfluxsample;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The signed-in user's page: who is signed in, and a sign-out button whose form carries
 * Spring Security's CSRF token, which Security keeps in the session.
 */
@Controller
public class AccountController {

	@GetMapping("/account")
	Mono<String> account(Authentication user, ServerWebExchange exchange, Model model) {
		model.addAttribute("user", user.getName());
		Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
		return csrf.doOnNext((token) -> model.addAttribute("csrf", token)).thenReturn("account");
	}

}
