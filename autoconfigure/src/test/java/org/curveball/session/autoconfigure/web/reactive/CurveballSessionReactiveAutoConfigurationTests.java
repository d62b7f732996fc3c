package org.curveball.session.autoconfigure.web.reactive;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionSettings;
import org.curveball.session.autoconfigure.AutoConfigurationAssertions;
import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.autoconfigure.metrics.CurveballSessionMetricsAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.memory.InMemorySessionStore;
import org.curveball.session.redis.ReactiveRedisSessionStore;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionProblems;
import org.curveball.session.web.reactive.ReactiveSessionArgumentResolver;
import org.curveball.session.web.reactive.SessionWebFilter;
import org.curveball.session.web.reactive.SessionWebSessionManager;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurveballSessionReactiveAutoConfiguration} and the non-blocking store
 * of reactive applications: which beans a WebFlux application gets, and how each backs
 * off.
 */
class CurveballSessionReactiveAutoConfigurationTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(
			"org.springframework.boot.web.context.reactive.AnnotationConfigReactiveWebApplicationContext",
			"Exception encountered during context initialization");

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			CurveballSessionRedisAutoConfiguration.class, CurveballSessionReactiveAutoConfiguration.class,
			DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void reactiveApplication_getsNonBlockingSessionsOverRedis() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveRedisSessionStore.class);
			assertThat(context).hasSingleBean(RedisSessionStore.class);
			assertThat(context.getBean(SessionManager.class).isBlocking()).isFalse();
			assertThat(context).hasSingleBean(SessionWebFilter.class);
			assertThat(context).hasSingleBean(ReactiveSessionArgumentResolver.class);
			assertThat(context).doesNotHaveBean(SessionFilter.class);
		});
	}

	@Test
	void webSessionManager_defaults_isAViewOfTheCurveballSession() {
		this.contextRunner.run((context) -> assertThat(context.getBean("webSessionManager"))
			.isInstanceOf(SessionWebSessionManager.class));
	}

	@Test
	void webSessionManager_disabled_isLeftToWebFlux() {
		this.contextRunner.withPropertyValues("curveball.session.redis.reactive.web-session.enabled=false")
			.run((context) -> assertThat(context.getBean("webSessionManager"))
				.isInstanceOf(DefaultWebSessionManager.class));
	}

	@Test
	void webSessionManager_userBean_backsOff() {
		this.contextRunner.withUserConfiguration(UserWebSessionManagerConfiguration.class)
			.run((context) -> assertThat(context.getBean("webSessionManager"))
				.isSameAs(context.getBean(UserWebSessionManagerConfiguration.class).manager));
	}

	@Test
	void webFilter_defaults_hasDefaultOrder() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SessionWebFilter.class).getOrder())
			.isEqualTo(SessionWebFilter.DEFAULT_ORDER));
	}

	@Test
	void webFilter_filterOrderSet_hasThatOrder() {
		this.contextRunner.withPropertyValues("curveball.session.redis.reactive.filter-order=42")
			.run((context) -> assertThat(context.getBean(SessionWebFilter.class).getOrder()).isEqualTo(42));
	}

	@Test
	void webFilter_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserWebFilterConfiguration.class,
				ResolvableType.forClass(SessionWebFilter.class), "userSessionWebFilter");
	}

	@Test
	void argumentResolver_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserArgumentResolverConfiguration.class,
				ResolvableType.forClass(ReactiveSessionArgumentResolver.class), "userArgumentResolver");
	}

	@Test
	void nonBlockingStore_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserAsyncStoreConfiguration.class,
				ResolvableType.forClass(AsyncSessionStore.class), "userAsyncStore");
	}

	@Test
	void blockingSessionManager_userBean_failsStartupSayingWhy() {
		this.contextRunner.withUserConfiguration(UserBlockingSessionManagerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().hasMessageContaining("non-blocking AsyncSessionStore");
		});
	}

	@Test
	void sessionsDisabled_getNoWebFilterAndWebFluxKeepsItsSessions() {
		this.contextRunner.withPropertyValues("curveball.session.redis.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SessionWebFilter.class);
			assertThat(context.getBean("webSessionManager")).isInstanceOf(DefaultWebSessionManager.class);
		});
	}

	@Test
	void meterRegistry_feedsSessionMetricsOfTheReactiveManager() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(CurveballSessionMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				context.getBean(SessionManager.class).cookieRejected();
				assertThat(context.getBean(SimpleMeterRegistry.class).getMeters())
					.extracting((meter) -> meter.getId().getName())
					.contains("curveball.session.cookies.rejected");
			});
	}

	@Test
	void servletApplication_getsNoReactiveBeans() {
		new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).run((context) -> {
			assertThat(context).doesNotHaveBean(SessionWebFilter.class);
			assertThat(context).doesNotHaveBean(AsyncSessionStore.class);
			assertThat(context.getBean(SessionManager.class).isBlocking()).isTrue();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebSessionManagerConfiguration {

		final WebSessionManager manager = new DefaultWebSessionManager();

		@Bean
		WebSessionManager webSessionManager() {
			return this.manager;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebFilterConfiguration {

		@Bean
		SessionWebFilter userSessionWebFilter(SessionManager sessions, SessionCookieCodec cookies,
				SessionProblems problems) {
			return new SessionWebFilter(sessions, cookies, problems, List.of(), 0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserArgumentResolverConfiguration {

		@Bean
		ReactiveSessionArgumentResolver userArgumentResolver() {
			return new ReactiveSessionArgumentResolver();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAsyncStoreConfiguration {

		@Bean
		AsyncSessionStore userAsyncStore(RedisSessionStore store) {
			return new ReactiveRedisSessionStore((ReactiveRedisConnectionFactory) store.connectionFactory(), "user",
					new SecureRandomSessionIdGenerator(), Duration.ofSeconds(1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBlockingSessionManagerConfiguration {

		@Bean
		SessionManager userSessionManager() {
			return new SessionManager(new InMemorySessionStore(new SecureRandomSessionIdGenerator(), Clock.systemUTC()),
					new SessionCodec(JsonMapper.builder().build()), new SessionSettings(Duration.ofHours(1), 1024));
		}

	}

}
