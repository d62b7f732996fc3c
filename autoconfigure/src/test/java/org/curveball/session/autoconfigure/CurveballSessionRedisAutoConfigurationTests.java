package org.curveball.session.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.UnstorableAttributeException;
import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionAttributeTypes;
import org.curveball.session.SessionAttributeTypesCustomizer;
import org.curveball.session.SessionCodec;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionManager;
import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStore;
import org.curveball.session.memory.InMemorySessionStore;
import org.curveball.session.micrometer.MicrometerSessionObserver;
import org.curveball.session.redis.CurveballSessionRedis;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.web.servlet.SessionCookieCodec;
import org.curveball.session.web.servlet.SessionCookieCustomizer;
import org.curveball.session.web.servlet.SessionCookieSettings;
import org.curveball.session.web.servlet.SessionExceptionResolver;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CurveballSessionRedisAutoConfiguration}.
 */
class CurveballSessionRedisAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			CurveballSessionRedisAutoConfiguration.class, DataRedisAutoConfiguration.class,
			JacksonAutoConfiguration.class);

	private static final String DEDICATED_FACTORY = "curveballSessionRedisConnectionFactory";

	private static final String BOOT_FACTORY = "redisConnectionFactory";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void userConnectionFactoryIsUsedAndNoneIsCreated() {
		this.contextRunner.withUserConfiguration(UserConnectionFactoryConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
			assertThat(context.getBeansOfType(RedisConnectionFactory.class)).containsOnlyKeys("userConnectionFactory");
			assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userConnectionFactory"));
		});
	}

	@Test
	void userConnectionFactoryWinsOverCurveballHost() {
		this.contextRunner.withUserConfiguration(UserConnectionFactoryConfiguration.class)
			.withPropertyValues("curveball.session.redis.host=sessions.example")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
				assertThat(context.getBeansOfType(RedisConnectionFactory.class))
					.containsOnlyKeys("userConnectionFactory");
				assertThat(context.getBean(SessionStore.class)).isInstanceOf(RedisSessionStore.class);
				assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userConnectionFactory"));
			});
	}

	@Test
	void curveballHostAndPortCreateDedicatedConnectionBesideBootOne() {
		this.contextRunner.withBean(ApplicationRedisClient.class)
			.withPropertyValues("curveball.session.redis.host=sessions.example", "curveball.session.redis.port=6390",
					"spring.data.redis.host=app.example")
			.run((context) -> {
				LettuceConnectionFactory dedicated = context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class);
				assertThat(dedicated.getHostName()).isEqualTo("sessions.example");
				assertThat(dedicated.getPort()).isEqualTo(6390);
				assertThat(sessionConnectionFactory(context)).isSameAs(dedicated);
				assertThatApplicationUsesBootConnection(context, "app.example");
			});
	}

	@Test
	void curveballUrlCreatesDedicatedConnectionWithItsCredentialsDatabaseAndSsl() {
		this.contextRunner.withBean(ApplicationRedisClient.class)
			.withPropertyValues("curveball.session.redis.url=rediss://alice:secret@sessions.example:6391/3",
					"spring.data.redis.host=app.example")
			.run((context) -> {
				LettuceConnectionFactory dedicated = context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class);
				assertThat(dedicated.getHostName()).isEqualTo("sessions.example");
				assertThat(dedicated.getPort()).isEqualTo(6391);
				assertThat(dedicated.getDatabase()).isEqualTo(3);
				assertThat(dedicated.isUseSsl()).isTrue();
				RedisStandaloneConfiguration configuration = (RedisStandaloneConfiguration) ReflectionTestUtils
					.getField(dedicated, "configuration");
				assertThat(configuration.getUsername()).isEqualTo("alice");
				assertThat(configuration.getPassword().get()).containsExactly("secret".toCharArray());
				assertThat(sessionConnectionFactory(context)).isSameAs(dedicated);
				assertThatApplicationUsesBootConnection(context, "app.example");
			});
	}

	@Test
	void curveballTimeoutSetsCommandTimeoutOfDedicatedConnection() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.host=sessions.example",
					"curveball.session.redis.timeout=750ms")
			.run((context) -> assertThat(context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class)
				.getClientConfiguration()
				.getCommandTimeout()).isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void curveballTimeoutCapsReconnectDelayOfDedicatedConnection() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.host=sessions.example",
					"curveball.session.redis.timeout=800ms")
			.run((context) -> assertThat(context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class)
				.getClientConfiguration()
				.getClientResources()).hasValueSatisfying(
						(resources) -> assertThat(longestReconnectDelay(resources)).isEqualTo(Duration.ofMillis(200))));
	}

	@Test
	void curveballTimeoutCapsReconnectDelayOfSharedConnection() {
		this.contextRunner.withPropertyValues("curveball.session.redis.timeout=800ms")
			.run((context) -> assertThat(longestReconnectDelay(context.getBean(ClientResources.class)))
				.isEqualTo(Duration.ofMillis(200)));
	}

	private static Duration longestReconnectDelay(ClientResources resources) {
		return resources.reconnectDelay().createDelay(Integer.MAX_VALUE);
	}

	@Test
	void withoutCurveballConnectionPropertiesSessionsUseBootConnection() {
		this.contextRunner.withPropertyValues("spring.data.redis.host=app.example", "spring.data.redis.port=6392")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
				LettuceConnectionFactory boot = context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class);
				assertThat(boot.getHostName()).isEqualTo("app.example");
				assertThat(boot.getPort()).isEqualTo(6392);
				assertThat(sessionConnectionFactory(context)).isSameAs(boot);
			});
	}

	@Test
	void qualifiedUserSessionConnectionFactoryIsUsedWhileBootOneStaysDefault() {
		this.contextRunner.withUserConfiguration(UserSessionConnectionFactoryConfiguration.class)
			.withBean(ApplicationRedisClient.class)
			.withPropertyValues("spring.data.redis.host=app.example")
			.run((context) -> {
				assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userSessionConnectionFactory"));
				assertThatApplicationUsesBootConnection(context, "app.example");
			});
	}

	@Test
	void qualifiedUserSessionConnectionFactoryWinsOverCurveballHost() {
		this.contextRunner.withUserConfiguration(UserSessionConnectionFactoryConfiguration.class)
			.withPropertyValues("curveball.session.redis.host=sessions.example")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(sessionConnectionFactory(context)).isSameAs(context.getBean("userSessionConnectionFactory"));
			});
	}

	@Test
	void sessionIdGeneratorBacksOff() {
		assertBacksOff(UserSessionIdGeneratorConfiguration.class, ResolvableType.forClass(SessionIdGenerator.class),
				"userSessionIdGenerator");
	}

	@Test
	void sessionCodecBacksOff() {
		assertBacksOff(UserSessionCodecConfiguration.class, ResolvableType.forClass(SessionCodec.class),
				"userSessionCodec");
	}

	@Test
	void sessionStoreBacksOff() {
		assertBacksOff(UserSessionStoreConfiguration.class, ResolvableType.forClass(SessionStore.class),
				"userSessionStore");
	}

	@Test
	void sessionManagerBacksOff() {
		assertBacksOff(UserSessionManagerConfiguration.class, ResolvableType.forClass(SessionManager.class),
				"userSessionManager");
	}

	@Test
	void sessionCookieCodecBacksOff() {
		assertBacksOff(UserSessionCookieCodecConfiguration.class, ResolvableType.forClass(SessionCookieCodec.class),
				"userSessionCookieCodec");
	}

	@Test
	void sessionFilterRegistrationBacksOff() {
		assertBacksOff(UserSessionFilterRegistrationConfiguration.class,
				ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, SessionFilter.class),
				"userSessionFilterRegistration");
	}

	@Test
	void sessionExceptionResolverBacksOff() {
		assertBacksOff(UserSessionExceptionResolverConfiguration.class,
				ResolvableType.forClass(SessionExceptionResolver.class), "userSessionExceptionResolver");
	}

	@Test
	void meterRegistry_feedsSessionMetrics() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(MicrometerSessionObserver.class);
			context.getBean(SessionManager.class).cookieRejected();
			assertThat(context.getBean(SimpleMeterRegistry.class)
				.get("curveball.session.cookies.rejected")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void noMeterRegistry_noSessionMetrics() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MicrometerSessionObserver.class));
	}

	@Test
	void disabledCreatesNoBeans() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.enabled=false",
					"curveball.session.redis.host=sessions.example")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SessionStore.class);
				assertThat(context).doesNotHaveBean(SessionManager.class);
				assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
				assertThat(context).doesNotHaveBean(CurveballSessionRedisProperties.class);
				assertThat(context.getBeanDefinitionNames()).noneMatch((name) -> name.startsWith("curveball"));
				assertThat(context.getBeansOfType(RedisConnectionFactory.class)).containsOnlyKeys(BOOT_FACTORY);
			});
	}

	@Test
	void nonWebApplicationGetsSessionsWithoutFilterRegistration() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).run((context) -> {
			assertThat(context).hasSingleBean(SessionManager.class);
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context).doesNotHaveBean(SessionCookieCodec.class);
		});
	}

	@Test
	void withoutSpringDataRedisBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SessionStore.class);
			assertThat(context).doesNotHaveBean(SessionManager.class);
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
		});
	}

	@Test
	void filterRegistrationHasDefaultOrder() {
		this.contextRunner.run(
				(context) -> assertThat(filterRegistration(context).getOrder()).isEqualTo(SessionFilter.DEFAULT_ORDER));
	}

	@Test
	void filterRegistrationOrderComesFromProperty() {
		this.contextRunner.withPropertyValues("curveball.session.redis.filter-order=42")
			.run((context) -> assertThat(filterRegistration(context).getOrder()).isEqualTo(42));
	}

	@Test
	void httpSessionIsAViewOfTheCurveballSessionByDefault() {
		this.contextRunner.run((context) -> assertThat(httpSessionSeenByHandler(context).getClass().getSimpleName())
			.isEqualTo("SessionHttpSession"));
	}

	@Test
	void httpSessionDisabledLeavesTheHttpSessionToTheContainer() {
		this.contextRunner.withPropertyValues("curveball.session.redis.http-session.enabled=false")
			.run((context) -> assertThat(httpSessionSeenByHandler(context)).isInstanceOf(MockHttpSession.class));
	}

	@Test
	void springSecurityTypesAreAllowedWhenSpringSecurityIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("curveballSessionSpringSecurityTypes"));
	}

	@Test
	void springSecurityTypesAreNotConfiguredWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SecurityJacksonModules.class))
			.run((context) -> assertThat(context).doesNotHaveBean("curveballSessionSpringSecurityTypes"));
	}

	@Test
	void allowedPackagesAndCustomizersAllowTypes() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.http-session.allowed-packages=java.util.concurrent.")
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
					.isThrownBy(() -> codec.write(Map.of("c", types.toSessionValue(new BitSet()))));
			});
	}

	@Test
	void allowedPackageThatIsNotAPackageNameFailsStartup() {
		assertStartupFails("curveball.session.redis.http-session.allowed-packages",
				"curveball.session.redis.http-session.allowed-packages=com example");
	}

	@Test
	void cookieHasCurveballAttributesByDefault() {
		this.contextRunner.run((context) -> assertThat(writtenCookie(context))
			.matches("CB=[A-Za-z0-9%]+; Path=/; HttpOnly; SameSite=Lax"));
	}

	@Test
	void cookieCustomizerIsApplied() {
		this.contextRunner.withUserConfiguration(PartitionedCookieConfiguration.class)
			.run((context) -> assertThat(writtenCookie(context)).contains("; Partitioned"));
	}

	@Test
	void cookieCustomizersAreAppliedInOrder() {
		this.contextRunner.withUserConfiguration(OrderedCookieCustomizersConfiguration.class)
			.run((context) -> assertThat(writtenCookie(context)).endsWith("; SameSite=None"));
	}

	@Test
	void emptyPrefixFailsStartup() {
		assertStartupFails("curveball.session.redis.prefix", "curveball.session.redis.prefix=");
	}

	@Test
	void zeroExpiryFailsStartup() {
		assertStartupFails("curveball.session.redis.expiry", "curveball.session.redis.expiry=0");
	}

	@Test
	void negativeExpiryFailsStartup() {
		assertStartupFails("curveball.session.redis.expiry", "curveball.session.redis.expiry=-5");
	}

	@Test
	void zeroMaxSizeFailsStartup() {
		assertStartupFails("curveball.session.redis.max-size", "curveball.session.redis.max-size=0");
	}

	@Test
	void cookieNameThatIsNotTokenFailsStartup() {
		assertStartupFails("curveball.session.redis.cookie-name", "curveball.session.redis.cookie-name=a b");
	}

	@Test
	void hostPrefixedCookieThatIsNotSecureFailsStartup() {
		assertStartupFails("curveball.session.redis.cookie.secure", "curveball.session.redis.cookie-name=__Host-CB");
	}

	@Test
	void hostPrefixedCookieWithDomainFailsStartup() {
		assertStartupFails("curveball.session.redis.cookie.domain", "curveball.session.redis.cookie-name=__Host-CB",
				"curveball.session.redis.cookie.secure=true", "curveball.session.redis.cookie.domain=example.com");
	}

	@Test
	void hostPrefixedCookieWithPathOtherThanRootFailsStartup() {
		assertStartupFails("curveball.session.redis.cookie.path", "curveball.session.redis.cookie-name=__Host-CB",
				"curveball.session.redis.cookie.secure=true", "curveball.session.redis.cookie.path=/app");
	}

	@Test
	void sameSiteNoneWithoutSecureFailsStartup() {
		assertStartupFails("curveball.session.redis.cookie.same-site", "curveball.session.redis.cookie.same-site=none",
				"curveball.session.redis.cookie.secure=false");
	}

	@Test
	void portOutOfRangeFailsStartup() {
		assertStartupFails("curveball.session.redis.port", "curveball.session.redis.port=70000");
	}

	@Test
	void zeroTimeoutFailsStartup() {
		assertStartupFails("curveball.session.redis.timeout", "curveball.session.redis.timeout=0");
	}

	@Test
	void expiryWithoutUnitIsSeconds() {
		assertExpiry("7200", Duration.ofHours(2));
	}

	@Test
	void expiryWithUnitIsThatDuration() {
		assertExpiry("2h", Duration.ofHours(2));
	}

	private void assertBacksOff(Class<?> userConfiguration, ResolvableType type, String userBeanName) {
		this.contextRunner.withUserConfiguration(userConfiguration).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(type)).containsExactly(userBeanName);
		});
	}

	private void assertStartupFails(String key, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(key))
				.hasMessageContaining(key);
		});
	}

	private void assertExpiry(String value, Duration expected) {
		this.contextRunner.withPropertyValues("curveball.session.redis.expiry=" + value)
			.run((context) -> assertThat(context.getBean(CurveballSessionRedisProperties.class).getExpiry())
				.isEqualTo(expected));
	}

	private static void assertThatApplicationUsesBootConnection(ApplicationContext context, String host) {
		LettuceConnectionFactory boot = context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class);
		assertThat(boot.getHostName()).isEqualTo(host);
		assertThat(context.getBean(ApplicationRedisClient.class).connectionFactory()).isSameAs(boot);
	}

	/**
	 * Return the connection factory the session store sends its commands through. The
	 * store does not expose it, and what matters to users is where their sessions go.
	 */
	private static RedisConnectionFactory sessionConnectionFactory(ApplicationContext context) {
		RedisSessionStore store = context.getBean(RedisSessionStore.class);
		RedisConnectionFactory connectionFactory = (RedisConnectionFactory) ReflectionTestUtils.getField(store,
				"connectionFactory");
		assertThat(connectionFactory).isNotNull();
		return connectionFactory;
	}

	@SuppressWarnings("unchecked")
	private static HttpSession httpSessionSeenByHandler(ApplicationContext context) throws Exception {
		AtomicReference<HttpSession> seen = new AtomicReference<>();
		filterRegistration(context).getFilter()
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
					(request, response) -> seen.set(((HttpServletRequest) request).getSession()));
		return seen.get();
	}

	private static FilterRegistrationBean<SessionFilter> filterRegistration(ApplicationContext context) {
		return context.getBean("curveballSessionFilterRegistration", FilterRegistrationBean.class);
	}

	private static String writtenCookie(ApplicationContext context) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		String id = context.getBean(SessionIdGenerator.class).generate();
		context.getBean(SessionCookieCodec.class).write(new MockHttpServletRequest(), response, id);
		return response.getHeader(HttpHeaders.SET_COOKIE);
	}

	/**
	 * A bean of the application that takes a {@link RedisConnectionFactory} by type.
	 *
	 * @param connectionFactory the factory injected
	 */
	record ApplicationRedisClient(RedisConnectionFactory connectionFactory) {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionFactoryConfiguration {

		@Bean
		LettuceConnectionFactory userConnectionFactory() {
			return new LettuceConnectionFactory("user.example", 6393);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionConnectionFactoryConfiguration {

		@Bean(defaultCandidate = false)
		@CurveballSessionRedis
		LettuceConnectionFactory userSessionConnectionFactory() {
			return new LettuceConnectionFactory("user-sessions.example", 6394);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionIdGeneratorConfiguration {

		@Bean
		SessionIdGenerator userSessionIdGenerator() {
			return new SecureRandomSessionIdGenerator();
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

	@Configuration(proxyBeanMethods = false)
	static class UserSessionCookieCodecConfiguration {

		@Bean
		SessionCookieCodec userSessionCookieCodec() {
			return new SessionCookieCodec(SessionCookieSettings.defaults(), List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionFilterRegistrationConfiguration {

		@Bean
		FilterRegistrationBean<SessionFilter> userSessionFilterRegistration(SessionManager sessions,
				SessionCookieCodec cookies) {
			return new FilterRegistrationBean<>(new SessionFilter(sessions, cookies));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionExceptionResolverConfiguration {

		@Bean
		SessionExceptionResolver userSessionExceptionResolver() {
			return new SessionExceptionResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PartitionedCookieConfiguration {

		@Bean
		SessionCookieCustomizer partitionedCookieCustomizer() {
			return (cookie) -> cookie.partitioned(true);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCookieCustomizersConfiguration {

		@Bean
		@Order(2)
		SessionCookieCustomizer laterCookieCustomizer() {
			return (cookie) -> cookie.sameSite("None");
		}

		@Bean
		@Order(1)
		SessionCookieCustomizer earlierCookieCustomizer() {
			return (cookie) -> cookie.sameSite("Strict");
		}

	}

}
