package org.curveball.session.security;

import java.security.Principal;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The name of a principal object as Spring Security's {@code Authentication.getName()}
 * derives it.
 */
final class PrincipalNames {

	private PrincipalNames() {
	}

	/**
	 * Return the name of a principal.
	 * @param principal a {@link UserDetails}, an {@link AuthenticatedPrincipal}, a
	 * {@link Principal} or any object whose string is its name
	 * @return the name
	 */
	static String of(Object principal) {
		if (principal instanceof UserDetails user) {
			return user.getUsername();
		}
		if (principal instanceof AuthenticatedPrincipal authenticated) {
			return authenticated.getName();
		}
		if (principal instanceof Principal named) {
			return named.getName();
		}
		return principal.toString();
	}

}
