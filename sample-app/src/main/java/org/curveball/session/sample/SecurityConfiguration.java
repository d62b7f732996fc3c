package org.curveball.session.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for the sample: a sign-in form, an account page for signed-in users
 * only, and sign-out. Security keeps its state (the signed-in user, its CSRF token, the
 * page asked for before signing in) in the HttpSession, which is the Curveball session in
 * Redis, so a sign-in holds on every instance. The home page and the JSON API stay open
 * and are protected by the Curveball session's own CSRF token instead of Spring's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/account/**").authenticated().anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.logout((logout) -> logout.logoutUrl("/account/logout").logoutSuccessUrl("/"))
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/name", "/logout"))
			.build();
	}

}
