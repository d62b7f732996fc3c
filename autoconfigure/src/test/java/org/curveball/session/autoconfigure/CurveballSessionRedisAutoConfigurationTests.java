package org.curveball.session.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStore;
import org.curveball.session.UnstorableAttributeException;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.json.SessionAttributeTypesCustomizer;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.memory.InMemorySessionStore;
import org.curveball.session.redis.RedisSessionStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.jackson.SecurityJacksonModules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CurveballSessionRedisAutoConfiguration}: the beans every web stack
 * uses, and when they back off.
 */
class CurveballSessionRedisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void sessionManager_defaults_keepsSessionsInRedis() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SessionManager.class);
			assertThat(context).getBean(SessionStore.class).isInstanceOf(RedisSessionStore.class);
		});
	}

	@Test
	void sessionIdGenerator_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionIdGeneratorConfiguration.class,
				ResolvableType.forClass(SessionIdGenerator.class), "userSessionIdGenerator");
	}

	@Test
	void sessionAttributeTypes_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionAttributeTypesConfiguration.class,
				ResolvableType.forClass(SessionAttributeTypes.class), "userSessionAttributeTypes");
	}

	@Test
	void sessionCodec_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionCodecConfiguration.class,
				ResolvableType.forClass(SessionCodec.class), "userSessionCodec");
	}

	@Test
	void sessionStore_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionStoreConfiguration.class,
				ResolvableType.forClass(SessionStore.class), "userSessionStore");
	}

	@Test
	void sessionManager_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionManagerConfiguration.class,
				ResolvableType.forClass(SessionManager.class), "userSessionManager");
	}

	@Test
	void availabilityCheck_userBeanOfTheName_backsOff() {
		ApplicationListener<ApplicationReadyEvent> nothing = (event) -> {
		};
		this.contextRunner.withBean("curveballSessionRedisAvailabilityCheck", ApplicationListener.class, () -> nothing)
			.run((context) -> assertThat(context.getBean("curveballSessionRedisAvailabilityCheck")).isSameAs(nothing));
	}

	@Test
	void disabled_createsNoBeans() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.enabled=false",
					"curveball.session.redis.host=sessions.example")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SessionStore.class);
				assertThat(context).doesNotHaveBean(SessionManager.class);
				assertThat(context).doesNotHaveBean(CurveballSessionRedisProperties.class);
				assertThat(context.getBeanDefinitionNames()).noneMatch((name) -> name.startsWith("curveball"));
				assertThat(context.getBeansOfType(RedisConnectionFactory.class))
					.containsOnlyKeys("redisConnectionFactory");
			});
	}

	@Test
	void withoutSpringDataRedis_backsOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SessionStore.class);
			assertThat(context).doesNotHaveBean(SessionManager.class);
		});
	}

	@Test
	void springSecurityTypes_springSecurityPresent_areAllowed() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("curveballSessionSpringSecurityTypes"));
	}

	@Test
	void springSecurityTypes_withoutSpringSecurity_areNotConfigured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityJacksonModules.class))
			.run((context) -> assertThat(context).doesNotHaveBean("curveballSessionSpringSecurityTypes"));
	}

	@Test
	void springSecurityTypes_userBeanOfTheName_backsOff() {
		SessionAttributeTypesCustomizer nothing = (allowedTypes, mapper) -> {
		};
		this.contextRunner
			.withBean("curveballSessionSpringSecurityTypes", SessionAttributeTypesCustomizer.class, () -> nothing)
			.run((context) -> assertThat(context.getBean("curveballSessionSpringSecurityTypes")).isSameAs(nothing));
	}

	@Test
	void attributeTypes_allowedPackagesAndCustomizers_allowTheirTypes() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.attribute-types.allowed-packages=java.util.concurrent.")
			.withBean(SessionAttributeTypesCustomizer.class,
					() -> (allowedTypes, mapper) -> allowedTypes.allowIfSubType(StringBuilder.class))
			.run((context) -> {
				SessionAttributeTypes types = context.getBean(SessionAttributeTypes.class);
				SessionCodec codec = context.getBean(SessionCodec.class);
				assertThat(codec.write(Map.of("a", types.toSessionValue(new AtomicLong(1)), "b",
						types.toSessionValue(new StringBuilder("text")))))
					.contains("java.util.concurrent.atomic.AtomicLong")
					.contains("java.lang.StringBuilder");
				assertThatExceptionOfType(UnstorableAttributeException.class)
					.isThrownBy(() -> codec.write(Map.of("c", types.toSessionValue(new BitSet()))))
					.withMessageContaining("curveball.session.redis.attribute-types.allowed-packages");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionIdGeneratorConfiguration {

		@Bean
		SessionIdGenerator userSessionIdGenerator() {
			return new SecureRandomSessionIdGenerator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionAttributeTypesConfiguration {

		@Bean
		SessionAttributeTypes userSessionAttributeTypes() {
			return SessionAttributeTypes.of(new JsonMapper(), List.of(), "nothing else is allowed");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionCodecConfiguration {

		@Bean
		SessionCodec userSessionCodec() {
			return new SessionCodec(new JsonMapper());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionStoreConfiguration {

		@Bean
		SessionStore userSessionStore() {
			return new InMemorySessionStore(new SecureRandomSessionIdGenerator(), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionManagerConfiguration {

		@Bean
		SessionManager userSessionManager() {
			return new SessionManager(new InMemorySessionStore(new SecureRandomSessionIdGenerator(), Clock.systemUTC()),
					new SessionCodec(new JsonMapper()), new SessionSettings(Duration.ofMinutes(5), 1024));
		}

	}

}
