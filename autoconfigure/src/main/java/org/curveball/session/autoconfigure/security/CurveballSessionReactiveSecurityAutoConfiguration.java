package org.curveball.session.autoconfigure.security;

import reactor.core.publisher.Mono;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.security.ReactiveIndexedSessionRegistry;
import org.curveball.session.security.ReactiveSessionSignInHook;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.session.ReactiveSessionRegistry;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of Spring Security WebFlux over Curveball sessions in reactive web
 * applications: the {@link ReactiveSessionRegistry} that Spring Security's
 * concurrent-session control
 * ({@code sessionManagement().concurrentSessions().maximumSessions(n)}) picks up, backed
 * by the index of each principal's sessions so that the limit holds across instances, and
 * the hook that adds every sign-in to that index, with or without that control.
 */
@AutoConfiguration(after = CurveballSessionRedisAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ ReactiveSessionRegistry.class, WebFilterChainProxy.class, Mono.class })
@ConditionalOnBean({ PrincipalSessions.class, SessionManager.class })
public final class CurveballSessionReactiveSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveSessionRegistry.class)
	ReactiveIndexedSessionRegistry curveballReactiveSessionRegistry(PrincipalSessions principals,
			SessionManager sessions) {
		return new ReactiveIndexedSessionRegistry(principals, sessions);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveSessionSignInHook curveballReactiveSessionSignInHook(PrincipalSessions principals) {
		return new ReactiveSessionSignInHook(principals);
	}

}
