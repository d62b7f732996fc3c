package org.curveball.session.webfluxsample;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Spring Security WebFlux for the sample: Spring Security's sign-in page, an account page
 * for signed-in users only, and sign-out. Security keeps its state (the signed-in user,
 * its CSRF token, the page asked for before signing in) in the {@code WebSession}, which
 * the starter's {@code webSessionManager} makes a view of the Curveball session in Redis,
 * so a sign-in holds on every instance and a sign-out, which ends the session, ends it on
 * all. The JSON API stays open and is protected by the Curveball session's own CSRF token
 * instead of Spring's.
 * <p>
 * No anonymous authentication: its filter reads the security context, and so the session,
 * on every request, which would cost a request that never uses its session a Redis read.
 * Without it, a request for a page that needs a sign-in finds no authentication and is
 * sent to the sign-in page all the same.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
		signedOut.setLogoutSuccessUrl(URI.create("/?signed-out"));
		return http
			.securityMatcher(
					ServerWebExchangeMatchers.pathMatchers("/account/**", "/login", "/logout", "/default-ui.css"))
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/account/**").authenticated().anyExchange().permitAll())
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.formLogin(Customizer.withDefaults())
			.logout((signOut) -> signOut.logoutUrl("/account/logout")
				.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(signedOut))
			.csrf((csrf) -> csrf
				.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
						new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")))))
			.build();
	}

}
