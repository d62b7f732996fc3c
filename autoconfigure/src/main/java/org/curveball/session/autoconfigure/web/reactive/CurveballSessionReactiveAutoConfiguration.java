package org.curveball.session.autoconfigure.web.reactive;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.autoconfigure.web.CurveballSessionWebConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionProblems;
import org.curveball.session.web.reactive.ReactiveSessionArgumentResolver;
import org.curveball.session.web.reactive.SessionSaveHook;
import org.curveball.session.web.reactive.SessionWebFilter;
import org.curveball.session.web.reactive.SessionWebSessionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of Curveball sessions in reactive (WebFlux) web applications: the
 * web filter that gives every exchange its session, the {@code WebSessionManager} that
 * makes {@code exchange.getSession()} a view of it, and with annotated controllers the
 * {@code Session} handler parameter. It runs before WebFlux's auto-configuration, whose
 * in-memory {@code webSessionManager} then backs off.
 */
@AutoConfiguration(after = CurveballSessionRedisAutoConfiguration.class,
		beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnBean(SessionManager.class)
@Import(CurveballSessionWebConfiguration.class)
public final class CurveballSessionReactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SessionWebFilter curveballSessionWebFilter(CurveballSessionRedisProperties properties, SessionManager sessions,
			SessionCookieCodec cookies, SessionProblems problems, ObjectProvider<SessionSaveHook> saveHooks) {
		return new SessionWebFilter(sessions, cookies, problems, saveHooks.orderedStream().toList(),
				properties.getReactive().getFilterOrder());
	}

	@Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
	@ConditionalOnMissingBean(name = WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
	@ConditionalOnBooleanProperty(name = "curveball.session.redis.reactive.web-session.enabled", matchIfMissing = true)
	SessionWebSessionManager webSessionManager(SessionAttributeTypes attributeTypes,
			CurveballSessionRedisProperties properties) {
		return new SessionWebSessionManager(attributeTypes, properties.getExpiry());
	}

	/**
	 * The {@code Session} parameter of annotated WebFlux handlers.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebFluxConfigurer.class)
	static class AnnotatedControllersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveSessionArgumentResolver curveballReactiveSessionArgumentResolver() {
			return new ReactiveSessionArgumentResolver();
		}

		@Bean
		@ConditionalOnMissingBean(name = "curveballSessionWebFluxConfigurer")
		WebFluxConfigurer curveballSessionWebFluxConfigurer(ReactiveSessionArgumentResolver argumentResolver) {
			return new WebFluxConfigurer() {

				@Override
				public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
					configurer.addCustomResolver(argumentResolver);
				}

			};
		}

	}

}
