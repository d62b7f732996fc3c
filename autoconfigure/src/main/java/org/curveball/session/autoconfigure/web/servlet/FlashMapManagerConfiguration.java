package org.curveball.session.autoconfigure.web.servlet;

import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.servlet.SessionFlashMapManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * Puts the starter's {@link SessionFlashMapManager} in place of Spring MVC's default,
 * whose look-up of flash attributes in the {@code HttpSession} on every request would
 * cost a Redis command on every request with a session cookie.
 * <p>
 * The {@code DispatcherServlet} takes the bean named {@code flashMapManager}, which
 * Spring MVC's configuration declares; since bean definitions may not be overridden, the
 * default is swapped by a post-processor, and only when it is exactly Spring's
 * {@code SessionFlashMapManager}, so that an application's own manager is kept.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(DispatcherServlet.class)
class FlashMapManagerConfiguration {

	@Bean
	static BeanPostProcessor curveballSessionFlashMapManagerPostProcessor(ObjectProvider<SessionCookieCodec> cookies) {
		return new FlashMapManagerPostProcessor(cookies);
	}

	static final class FlashMapManagerPostProcessor implements BeanPostProcessor {

		private static final Class<?> SPRING_DEFAULT = org.springframework.web.servlet.support.SessionFlashMapManager.class;

		private final ObjectProvider<SessionCookieCodec> cookies;

		FlashMapManagerPostProcessor(ObjectProvider<SessionCookieCodec> cookies) {
			this.cookies = cookies;
		}

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (!DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME.equals(beanName) || bean.getClass() != SPRING_DEFAULT) {
				return bean;
			}
			SessionCookieCodec codec = this.cookies.getIfAvailable();
			if (codec == null) {
				return bean;
			}
			AbstractFlashMapManager original = (AbstractFlashMapManager) bean;
			SessionFlashMapManager manager = new SessionFlashMapManager(codec.settings());
			manager.setFlashMapTimeout(original.getFlashMapTimeout());
			return manager;
		}

	}

}
