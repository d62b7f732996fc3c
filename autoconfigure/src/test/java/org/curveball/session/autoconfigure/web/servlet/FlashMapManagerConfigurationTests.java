package org.curveball.session.autoconfigure.web.servlet;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.curveball.session.autoconfigure.CurveballSessionRedisAutoConfiguration;
import org.curveball.session.web.servlet.SessionFlashMapManager;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlashMapManagerConfiguration}: the flash map manager that the servlet
 * auto-configuration puts in Spring MVC's {@code DispatcherServlet}.
 */
class FlashMapManagerConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				CurveballSessionServletAutoConfiguration.class, DataRedisAutoConfiguration.class,
				JacksonAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class));

	@Test
	void flashMapManager_springDefault_isReplaced() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME))
				.isInstanceOfSatisfying(SessionFlashMapManager.class, (manager) -> {
					assertThat(manager.getMarkerCookieName()).isEqualTo("CB-flash");
					assertThat(manager.getFlashMapTimeout()).isEqualTo(180);
				});
		});
	}

	@Test
	void markerCookie_isNamedAfterSessionCookie() {
		this.contextRunner.withPropertyValues("curveball.session.redis.cookie.name=MY_SESSION")
			.run((context) -> assertThat(context.getBean(SessionFlashMapManager.class).getMarkerCookieName())
				.isEqualTo("MY_SESSION-flash"));
	}

	@Test
	void flashMapManager_userBean_isKept() {
		this.contextRunner.withUserConfiguration(UserFlashMapManagerConfiguration.class)
			.run((context) -> assertThat(context.getBean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME))
				.isInstanceOf(UserFlashMapManager.class));
	}

	@Test
	void flashMapManager_sessionsDisabled_staysSpringDefault() {
		this.contextRunner.withPropertyValues("curveball.session.redis.enabled=false")
			.run((context) -> assertThat(context.getBean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME))
				.isExactlyInstanceOf(org.springframework.web.servlet.support.SessionFlashMapManager.class));
	}

	@Test
	void withoutSpringMvc_registersNoPostProcessor() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
					CurveballSessionServletAutoConfiguration.class, DataRedisAutoConfiguration.class,
					JacksonAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean("curveballSessionFlashMapManagerPostProcessor");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFlashMapManagerConfiguration {

		@Bean
		FlashMapManager flashMapManager() {
			return new UserFlashMapManager();
		}

	}

	static class UserFlashMapManager extends AbstractFlashMapManager {

		@Override
		protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
			return null;
		}

		@Override
		protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
				HttpServletResponse response) {
		}

	}

}
