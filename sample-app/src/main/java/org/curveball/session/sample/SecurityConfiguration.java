package org.curveball.session.sample;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.FlashMapManager;

/**
 * Spring Security for the sample: a sign-in page, an account page for signed-in users
 * only, and sign-out. Security keeps its state (the signed-in user, its CSRF token, the
 * page asked for before signing in) in the HttpSession, which is the Curveball session in
 * Redis, so a sign-in holds on every instance. The other pages and the JSON API stay
 * open; the session page and the API are protected by the Curveball session's own CSRF
 * token instead of Spring's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleSessionLimit.class)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, FlashMapManager flashMapManager, SampleInstance instance,
			SampleSessionLimit sessionLimit) {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/account/**").authenticated().anyRequest().permitAll())
			.formLogin(
					(signIn) -> signIn.loginPage("/login").successHandler(new SignInNotice(flashMapManager, instance)))
			.logout((signOut) -> signOut.logoutUrl("/account/logout").logoutSuccessUrl("/?signed-out"))
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/session/**"))
			.sessionManagement(sessionLimit::applyTo)
			.build();
	}

}
