package org.curveball.session.autoconfigure.web;

import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.web.SessionCookieCodec;
import org.curveball.session.web.SessionCookieCustomizer;
import org.curveball.session.web.SessionCookieSettings;
import org.curveball.session.web.SessionProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the servlet and the reactive configurations of Curveball sessions share: the
 * session cookie's codec and the problem responses to session errors.
 */
@Configuration(proxyBeanMethods = false)
public class CurveballSessionWebConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SessionCookieCodec curveballSessionCookieCodec(CurveballSessionRedisProperties properties,
			ObjectProvider<SessionCookieCustomizer> customizers) {
		CurveballSessionRedisProperties.Cookie cookie = properties.getCookie();
		SessionCookieSettings settings = new SessionCookieSettings(cookie.getName(), cookie.getPath(),
				cookie.getDomain(), cookie.getSecure(), cookie.isHttpOnly(), cookie.getSameSite().attributeValue(),
				cookie.getMaxAge());
		return new SessionCookieCodec(settings, customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SessionProblems curveballSessionProblems() {
		return new SessionProblems("curveball.session.redis.max-size");
	}

}
