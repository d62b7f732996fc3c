package org.curveball.session.webfluxsample;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.curveball.session.principal.PrincipalSession;
import org.curveball.session.principal.PrincipalSessions;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * The signed-in user's page: who is signed in, where else the user is signed in (every
 * sign-in on every instance, from the starter's index of the user's sessions), and
 * buttons that sign out this session or all of them. Its forms carry Spring Security's
 * CSRF token, which Security keeps in the session. The index is read and written on the
 * bounded elastic scheduler: its calls block.
 */
@Controller
public class AccountController {

	private final PrincipalSessions principals;

	AccountController(PrincipalSessions principals) {
		this.principals = principals;
	}

	@GetMapping("/account")
	Mono<String> account(Authentication user, WebSession session, ServerWebExchange exchange, Model model) {
		model.addAttribute("user", user.getName());
		Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
		Mono<List<PrincipalSession>> signedIn = Mono
			.fromCallable(() -> this.principals.list(user.getName(), session.getId()))
			.subscribeOn(Schedulers.boundedElastic());
		return csrf.doOnNext((token) -> model.addAttribute("csrf", token))
			.then(signedIn)
			.doOnNext((sessions) -> model.addAttribute("sessions", sessions))
			.thenReturn("account");
	}

	@PostMapping("/account/sessions/sign-out-everywhere")
	Mono<String> signOutEverywhere(Authentication user) {
		return Mono.fromCallable(() -> this.principals.endAll(user.getName()))
			.subscribeOn(Schedulers.boundedElastic())
			.thenReturn("redirect:/?signed-out-everywhere");
	}

}
