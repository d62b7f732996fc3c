package org.curveball.session.autoconfigure.security;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionStore;
import org.curveball.session.autoconfigure.AutoConfigurationAssertions;
import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.memory.InMemorySessionStore;
import org.curveball.session.principal.PrincipalSessionIndex;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.principal.redis.RedisPrincipalSessionIndex;
import org.curveball.session.security.IndexedSessionRegistry;
import org.curveball.session.security.SessionSignInListener;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurveballSessionSecurityAutoConfiguration} and the index of each
 * principal's sessions it builds on: Spring Security's session registry and the sign-in
 * listener over the index, in servlet applications with Spring Security.
 */
class CurveballSessionSecurityAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			CurveballSessionRedisAutoConfiguration.class, CurveballSessionSecurityAutoConfiguration.class,
			DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void servletApplicationWithSpringSecurity_getsTheIndexedRegistryAndTheSignInListener() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RedisPrincipalSessionIndex.class);
			assertThat(context).hasSingleBean(PrincipalSessions.class);
			assertThat(context.getBean(SessionRegistry.class)).isInstanceOf(IndexedSessionRegistry.class);
			assertThat(context).hasSingleBean(SessionSignInListener.class);
		});
	}

	@Test
	void indexKeys_followTheSessionPrefix() {
		this.contextRunner.withPropertyValues("curveball.session.redis.prefix=app")
			.run((context) -> assertThat(context.getBean(RedisPrincipalSessionIndex.class).key("ada"))
				.isEqualTo("app:principal:ada"));
	}

	@Test
	void applicationsOwnRegistry_replacesTheIndexedOne() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserRegistryConfiguration.class,
				ResolvableType.forClass(SessionRegistry.class), "userSessionRegistry");
	}

	@Test
	void principalsDisabled_getNoIndexAndNoRegistry() {
		this.contextRunner.withPropertyValues("curveball.session.redis.principals.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(SessionManager.class);
			assertThat(context).doesNotHaveBean(PrincipalSessionIndex.class);
			assertThat(context).doesNotHaveBean(SessionRegistry.class);
			assertThat(context).doesNotHaveBean(SessionSignInListener.class);
		});
	}

	@Test
	void storeOtherThanRedis_getsNoRedisIndex() {
		this.contextRunner.withUserConfiguration(InMemoryStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SessionManager.class);
			assertThat(context).doesNotHaveBean(PrincipalSessionIndex.class);
			assertThat(context).doesNotHaveBean(SessionRegistry.class);
		});
	}

	@Test
	void withoutSpringSecurityWeb_getsTheIndexButNoRegistry() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SessionAuthenticationException.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(PrincipalSessions.class);
				assertThat(context).doesNotHaveBean(SessionRegistry.class);
			});
	}

	@Test
	void nonWebApplication_getsTheIndexButNoRegistry() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).run((context) -> {
			assertThat(context).hasSingleBean(PrincipalSessions.class);
			assertThat(context).doesNotHaveBean(SessionRegistry.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		@Bean
		SessionRegistry userSessionRegistry() {
			return new SessionRegistryImpl();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InMemoryStoreConfiguration {

		@Bean
		SessionStore inMemorySessionStore() {
			return new InMemorySessionStore(new SecureRandomSessionIdGenerator(), Clock.systemUTC());
		}

	}

}
