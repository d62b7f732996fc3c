package org.curveball.session.autoconfigure.web.servlet;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import org.curveball.session.SessionIdGenerator;
import org.curveball.session.autoconfigure.AutoConfigurationAssertions;
import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionCookieCustomizer;
import org.curveball.session.web.SessionCookieSettings;
import org.curveball.session.web.SessionProblems;
import org.curveball.session.web.servlet.SessionArgumentResolver;
import org.curveball.session.web.servlet.SessionExceptionResolver;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CurveballSessionServletAutoConfiguration}: the session filter, the
 * handler parameter, the problem responses and the session cookie in servlet
 * applications.
 */
class CurveballSessionServletAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			CurveballSessionRedisAutoConfiguration.class, CurveballSessionServletAutoConfiguration.class,
			DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS);

	@Test
	void filterRegistration_defaults_hasDefaultOrder() {
		this.contextRunner.run(
				(context) -> assertThat(filterRegistration(context).getOrder()).isEqualTo(SessionFilter.DEFAULT_ORDER));
	}

	@Test
	void filterRegistration_filterOrderSet_hasThatOrder() {
		this.contextRunner.withPropertyValues("curveball.session.redis.servlet.filter-order=42")
			.run((context) -> assertThat(filterRegistration(context).getOrder()).isEqualTo(42));
	}

	@Test
	void nonWebApplication_getsNoFilterRegistration() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS).run((context) -> {
			assertThat(context).hasSingleBean(SessionManager.class);
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context).doesNotHaveBean(SessionCookieCodec.class);
		});
	}

	@Test
	void sessionsDisabled_getNoFilterRegistration() {
		this.contextRunner.withPropertyValues("curveball.session.redis.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void httpSession_defaults_isAViewOfTheCurveballSession() {
		this.contextRunner.run((context) -> assertThat(httpSessionSeenByHandler(context).getClass().getSimpleName())
			.isEqualTo("SessionHttpSession"));
	}

	@Test
	void httpSession_disabled_isLeftToTheContainer() {
		this.contextRunner.withPropertyValues("curveball.session.redis.servlet.http-session.enabled=false")
			.run((context) -> assertThat(httpSessionSeenByHandler(context)).isInstanceOf(MockHttpSession.class));
	}

	@Test
	void cookie_defaults_hasCurveballAttributes() {
		this.contextRunner.run((context) -> assertThat(cookieOfNewSession(context))
			.matches("CB=[A-Za-z0-9%]+; Path=/; HttpOnly; SameSite=Lax"));
	}

	@Test
	void cookie_nameSet_hasThatName() {
		this.contextRunner.withPropertyValues("curveball.session.redis.cookie.name=MY_SESSION")
			.run((context) -> assertThat(cookieOfNewSession(context)).startsWith("MY_SESSION="));
	}

	@Test
	void cookie_customizer_isApplied() {
		this.contextRunner.withUserConfiguration(PartitionedCookieConfiguration.class)
			.run((context) -> assertThat(cookieOfNewSession(context)).contains("; Partitioned"));
	}

	@Test
	void cookie_customizers_areAppliedInOrder() {
		this.contextRunner.withUserConfiguration(OrderedCookieCustomizersConfiguration.class)
			.run((context) -> assertThat(cookieOfNewSession(context)).endsWith("; SameSite=None"));
	}

	@Test
	void sessionCookieCodec_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionCookieCodecConfiguration.class,
				ResolvableType.forClass(SessionCookieCodec.class), "userSessionCookieCodec");
	}

	@Test
	void sessionProblems_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionProblemsConfiguration.class,
				ResolvableType.forClass(SessionProblems.class), "userSessionProblems");
	}

	@Test
	void sessionFilterRegistration_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionFilterRegistrationConfiguration.class,
				ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, SessionFilter.class),
				"userSessionFilterRegistration");
	}

	@Test
	void sessionExceptionResolver_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionExceptionResolverConfiguration.class,
				ResolvableType.forClass(SessionExceptionResolver.class), "userSessionExceptionResolver");
	}

	@Test
	void sessionArgumentResolver_userBean_backsOff() {
		AutoConfigurationAssertions.assertBacksOff(this.contextRunner, UserSessionArgumentResolverConfiguration.class,
				ResolvableType.forClass(SessionArgumentResolver.class), "userSessionArgumentResolver");
	}

	@Test
	void webMvcConfigurer_userBeanOfTheName_backsOff() {
		WebMvcConfigurer nothing = new WebMvcConfigurer() {
		};
		this.contextRunner.withBean("curveballSessionWebMvcConfigurer", WebMvcConfigurer.class, () -> nothing)
			.run((context) -> assertThat(context.getBean("curveballSessionWebMvcConfigurer")).isSameAs(nothing));
	}

	private static HttpSession httpSessionSeenByHandler(ApplicationContext context) throws Exception {
		AtomicReference<HttpSession> seen = new AtomicReference<>();
		filterRegistration(context).getFilter()
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
					(request, response) -> seen.set(((HttpServletRequest) request).getSession()));
		return seen.get();
	}

	@SuppressWarnings("unchecked")
	private static FilterRegistrationBean<SessionFilter> filterRegistration(ApplicationContext context) {
		return context.getBean("curveballSessionFilterRegistration", FilterRegistrationBean.class);
	}

	private static String cookieOfNewSession(ApplicationContext context) {
		String id = context.getBean(SessionIdGenerator.class).generate();
		return context.getBean(SessionCookieCodec.class).cookie(id, false).toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionCookieCodecConfiguration {

		@Bean
		SessionCookieCodec userSessionCookieCodec() {
			return new SessionCookieCodec(SessionCookieSettings.defaults(), List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionProblemsConfiguration {

		@Bean
		SessionProblems userSessionProblems() {
			return new SessionProblems("the session size limit");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionFilterRegistrationConfiguration {

		@Bean
		FilterRegistrationBean<SessionFilter> userSessionFilterRegistration(SessionManager sessions,
				SessionCookieCodec cookies, SessionProblems problems) {
			return new FilterRegistrationBean<>(new SessionFilter(sessions, cookies, problems));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionExceptionResolverConfiguration {

		@Bean
		SessionExceptionResolver userSessionExceptionResolver(SessionProblems problems) {
			return new SessionExceptionResolver(problems);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSessionArgumentResolverConfiguration {

		@Bean
		SessionArgumentResolver userSessionArgumentResolver() {
			return new SessionArgumentResolver();
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
