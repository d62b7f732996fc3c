package org.curveball.session.security;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

import org.curveball.session.json.SessionAttributeTypesCustomizer;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.util.ClassUtils;

/**
 * Allows the types Spring Security keeps in the {@code HttpSession} in its standard
 * flows: the security context, saved requests, CSRF tokens and OAuth2 authorization
 * requests, through the Jackson modules Spring Security ships for the modules on the
 * class path; and the authentication exceptions its failure handler keeps for the sign-in
 * page to show, which those modules leave out (all but {@code BadCredentialsException}).
 * <p>
 * The exceptions are those Spring Security's own providers, filters and session
 * strategies throw. Each is stored as its type and message only, never with the
 * credentials of the sign-in that failed.
 */
public final class SpringSecurityAttributeTypes implements SessionAttributeTypesCustomizer {

	/**
	 * The authentication exceptions of Spring Security, other than
	 * {@code BadCredentialsException}, that can reach its authentication failure handler,
	 * which keeps the last one in the session.
	 */
	static final List<String> AUTHENTICATION_EXCEPTIONS = List.of(
			"org.springframework.security.authentication.AccountExpiredException",
			"org.springframework.security.authentication.AuthenticationCredentialsNotFoundException",
			"org.springframework.security.authentication.AuthenticationServiceException",
			"org.springframework.security.authentication.CredentialsExpiredException",
			"org.springframework.security.authentication.DisabledException",
			"org.springframework.security.authentication.InsufficientAuthenticationException",
			"org.springframework.security.authentication.InternalAuthenticationServiceException",
			"org.springframework.security.authentication.LockedException",
			"org.springframework.security.authentication.ProviderNotFoundException",
			"org.springframework.security.authentication.ott.InvalidOneTimeTokenException",
			"org.springframework.security.authentication.password.CompromisedPasswordException",
			"org.springframework.security.core.userdetails.UsernameNotFoundException",
			"org.springframework.security.web.authentication.session.SessionAuthenticationException",
			"org.springframework.security.web.authentication.preauth.PreAuthenticatedCredentialsNotFoundException",
			"org.springframework.security.web.authentication.rememberme.CookieTheftException",
			"org.springframework.security.web.authentication.rememberme.InvalidCookieException",
			"org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException",
			"org.springframework.security.web.authentication.www.NonceExpiredException");

	/**
	 * Types that Spring Security's Jackson modules can read and write but, in an
	 * application without the Servlet API, do not allow: Spring Security WebFlux keeps
	 * its CSRF token in the session as this type.
	 */
	static final List<String> UNLISTED_TYPES = List.of("org.springframework.security.web.server.csrf.DefaultCsrfToken");

	private final ClassLoader classLoader;

	/**
	 * Create the customizer.
	 * @param classLoader where Spring Security's classes are found
	 */
	public SpringSecurityAttributeTypes(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void customize(BasicPolymorphicTypeValidator.Builder allowedTypes, JsonMapper.Builder mapper) {
		mapper.addModules(SecurityJacksonModules.getModules(this.classLoader, allowedTypes));
		for (String name : UNLISTED_TYPES) {
			if (ClassUtils.isPresent(name, this.classLoader)) {
				allowedTypes.allowIfSubType(ClassUtils.resolveClassName(name, this.classLoader));
			}
		}
		SimpleModule exceptions = new SimpleModule("CurveballSessionAuthenticationExceptions");
		for (String name : AUTHENTICATION_EXCEPTIONS) {
			if (ClassUtils.isPresent(name, this.classLoader)) {
				Class<?> type = ClassUtils.resolveClassName(name, this.classLoader);
				exceptions.setMixInAnnotation(type, AuthenticationExceptionMixin.class);
				allowedTypes.allowIfSubType(type);
			}
		}
		mapper.addModule(exceptions);
	}

}
