package org.curveball.session.autoconfigure.security;

import org.junit.jupiter.api.Test;

import org.curveball.session.autoconfigure.AutoConfigurationAssertions;
import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.security.ReactiveIndexedSessionRegistry;
import org.curveball.session.security.ReactiveSessionSignInHook;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.security.core.session.InMemoryReactiveSessionRegistry;
import org.springframework.security.core.session.ReactiveSessionRegistry;
import org.springframework.security.web.server.WebFilterChainProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurveballSessionReactiveSecurityAutoConfiguration}: Spring Security
 * WebFlux's session registry over the index of each principal's sessions, in reactive
 * applications with Spring Security WebFlux.
 */
class CurveballSessionReactiveSecurityAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			CurveballSessionRedisAutoConfiguration.class, CurveballSessionReactiveSecurityAutoConfiguration.class,
			DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void reactiveApplicationWithSpringSecurityWebFlux_getsTheIndexedReactiveRegistryAndTheSignInHook() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PrincipalSessions.class);
			assertThat(context.getBean(SessionManager.class).isBlocking()).isFalse();
			assertThat(context.getBean(ReactiveSessionRegistry.class))
				.isInstanceOf(ReactiveIndexedSessionRegistry.class);
			assertThat(context).hasSingleBean(ReactiveSessionSignInHook.class);
		});
	}

	@Test
	void applicationsOwnSignInHook_replacesTheStartersOne() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSignInHookConfiguration.class,
				ResolvableType.forClass(ReactiveSessionSignInHook.class), "userSignInHook");
	}

	@Test
	void applicationsOwnRegistry_replacesTheIndexedOne() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserRegistryConfiguration.class,
				ResolvableType.forClass(ReactiveSessionRegistry.class), "userSessionRegistry");
	}

	@Test
	void principalsDisabled_getNoRegistry() {
		this.contextRunner.withPropertyValues("curveball.session.redis.principals.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(SessionManager.class);
			assertThat(context).doesNotHaveBean(ReactiveSessionRegistry.class);
			assertThat(context).doesNotHaveBean(ReactiveSessionSignInHook.class);
		});
	}

	@Test
	void withoutSpringSecurityWebFlux_getsTheIndexButNoRegistry() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebFilterChainProxy.class)).run((context) -> {
			assertThat(context).hasSingleBean(PrincipalSessions.class);
			assertThat(context).doesNotHaveBean(ReactiveSessionRegistry.class);
		});
	}

	@Test
	void servletApplication_getsNoReactiveRegistry() {
		new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).run((context) -> {
			assertThat(context).hasSingleBean(PrincipalSessions.class);
			assertThat(context).doesNotHaveBean(ReactiveSessionRegistry.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSignInHookConfiguration {

		@Bean
		ReactiveSessionSignInHook userSignInHook(PrincipalSessions principals) {
			return new ReactiveSessionSignInHook(principals);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		@Bean
		ReactiveSessionRegistry userSessionRegistry() {
			return new InMemoryReactiveSessionRegistry();
		}

	}

}
