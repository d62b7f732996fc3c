package org.curveball.session.autoconfigure.security;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.security.IndexedSessionRegistry;
import org.curveball.session.security.SessionSignInListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of Spring Security over Curveball sessions in servlet web
 * applications: the {@link SessionRegistry} that Spring Security's concurrent-session
 * control ({@code sessionManagement().maximumSessions(n)}) picks up, backed by the index
 * of each principal's sessions so that the limit holds across instances, and the listener
 * that adds every interactive sign-in to that index.
 */
@AutoConfiguration(after = CurveballSessionRedisAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SessionRegistry.class, SessionAuthenticationException.class, RequestContextHolder.class })
@ConditionalOnBean({ PrincipalSessions.class, SessionManager.class })
public final class CurveballSessionSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SessionRegistry.class)
	IndexedSessionRegistry curveballSessionRegistry(PrincipalSessions principals, SessionManager sessions) {
		return new IndexedSessionRegistry(principals, sessions);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionSignInListener curveballSessionSignInListener(PrincipalSessions principals) {
		return new SessionSignInListener(principals);
	}

}
