package org.curveball.session.autoconfigure.web.servlet;

import java.util.List;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.autoconfigure.web.CurveballSessionWebConfiguration;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionProblems;
import org.curveball.session.web.servlet.SessionArgumentResolver;
import org.curveball.session.web.servlet.SessionExceptionResolver;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of Curveball sessions in servlet web applications: the filter that
 * gives every request its session (and its {@code HttpSession} view), and with Spring MVC
 * the {@code Session} handler parameter, the problem responses to session errors, and
 * flash attributes that cost no Redis command.
 */
@AutoConfiguration(after = CurveballSessionRedisAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(SessionManager.class)
@Import({ CurveballSessionWebConfiguration.class, FlashMapManagerConfiguration.class })
public final class CurveballSessionServletAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(value = SessionFilter.class, parameterizedContainer = FilterRegistrationBean.class)
	FilterRegistrationBean<SessionFilter> curveballSessionFilterRegistration(CurveballSessionRedisProperties properties,
			SessionManager sessions, SessionCookieCodec cookies, SessionProblems problems,
			SessionAttributeTypes attributeTypes) {
		CurveballSessionRedisProperties.Servlet servlet = properties.getServlet();
		SessionAttributeTypes httpSessionTypes = servlet.getHttpSession().isEnabled() ? attributeTypes : null;
		FilterRegistrationBean<SessionFilter> registration = new FilterRegistrationBean<>(
				new SessionFilter(sessions, cookies, problems, httpSessionTypes));
		registration.setOrder(servlet.getFilterOrder());
		return registration;
	}

	/**
	 * The {@code Session} parameter of Spring MVC handlers and the problem responses to
	 * the session errors they throw.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class SpringMvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SessionExceptionResolver curveballSessionExceptionResolver(SessionProblems problems) {
			return new SessionExceptionResolver(problems);
		}

		@Bean
		@ConditionalOnMissingBean
		SessionArgumentResolver curveballSessionArgumentResolver() {
			return new SessionArgumentResolver();
		}

		@Bean
		@ConditionalOnMissingBean(name = "curveballSessionWebMvcConfigurer")
		WebMvcConfigurer curveballSessionWebMvcConfigurer(SessionArgumentResolver argumentResolver) {
			return new WebMvcConfigurer() {

				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(argumentResolver);
				}

			};
		}

	}

}
