package org.curveball.session.sample;

import org.curveball.session.sample.testing.SignIns;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The sample's user and users whose sign-in Spring Security refuses, each for another
 * reason, all with the sample user's password. A source of the instances that need them,
 * not a {@code @Configuration}, so that the sample's component scan leaves it out of the
 * others.
 */
class SignInTestUsers {

	static final String PASSWORD = SignIns.PASSWORD;

	@Bean
	InMemoryUserDetailsManager testUsers() {
		return new InMemoryUserDetailsManager(user("ada").build(), user("locked").accountLocked(true).build(),
				user("disabled").disabled(true).build(), user("expired").accountExpired(true).build(),
				user("stale").credentialsExpired(true).build());
	}

	private static User.UserBuilder user(String name) {
		return User.withUsername(name).password("{noop}" + PASSWORD).roles("USER");
	}

}
