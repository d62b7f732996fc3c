package org.curveball.session.security;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the WebFlux applications that a {@link FormLoginClient} uses share: the users
 * {@code ada} (password {@code lovelace}) and {@code grace} ({@code hopper}), the
 * {@code /account} endpoint that answers who is signed in, and
 * {@link #formLogin(ServerHttpSecurity) Spring Security's form login} for every path.
 */
@Configuration(proxyBeanMethods = false)
@RestController
class FormLoginConfiguration {

	@GetMapping("/account")
	String account(Principal principal) {
		return principal.getName();
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername("ada").password("{noop}lovelace").roles("USER").build(),
				User.withUsername("grace").password("{noop}hopper").roles("USER").build());
	}

	/**
	 * Set up form login without CSRF, for every path, answering {@code 401} to a request
	 * that is not signed in.
	 * @param http the security of the application's chain
	 * @return the same, for the test's own settings
	 */
	static ServerHttpSecurity formLogin(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable).formLogin((login) -> {
		})
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((exchange, ex) -> Mono
				.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED))))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
	}

}
