package org.curveball.session.autoconfigure;

import io.lettuce.core.RedisURI;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionCodec;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionManager;
import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStore;
import org.curveball.session.redis.CurveballSessionRedis;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.web.servlet.SessionArgumentResolver;
import org.curveball.session.web.servlet.SessionCookieCodec;
import org.curveball.session.web.servlet.SessionCookieCustomizer;
import org.curveball.session.web.servlet.SessionCookieSettings;
import org.curveball.session.web.servlet.SessionExceptionResolver;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Curveball sessions stored in Redis.
 * <p>
 * Sessions use, in this order: a {@code RedisConnectionFactory} qualified with
 * {@link CurveballSessionRedis}; a dedicated connection when
 * {@code curveball.session.redis.host}, {@code port} or {@code url} is set and the
 * application defines no connection factory of its own; the application's connection
 * factory. It runs before Boot's Redis auto-configuration so that "defines no connection
 * factory of its own" sees the application's beans alone; the dedicated factory is not a
 * default candidate, so Boot still creates the application's.
 */
@AutoConfiguration(before = DataRedisAutoConfiguration.class)
@ConditionalOnClass({ RedisConnectionFactory.class, JsonMapper.class })
@ConditionalOnBooleanProperty(name = "curveball.session.redis.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CurveballSessionRedisProperties.class)
public final class CurveballSessionRedisAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CurveballSessionRedisAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SessionIdGenerator curveballSessionIdGenerator() {
		return new SecureRandomSessionIdGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	SessionCodec curveballSessionCodec(ObjectProvider<JsonMapper> jsonMapper) {
		return new SessionCodec(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	SessionStore curveballSessionStore(CurveballSessionRedisProperties properties,
			@CurveballSessionRedis ObjectProvider<RedisConnectionFactory> sessionConnectionFactory,
			ObjectProvider<RedisConnectionFactory> connectionFactory, SessionIdGenerator ids) {
		RedisConnectionFactory sessionFactory = sessionConnectionFactory.getIfAvailable();
		RedisConnectionFactory factory = (sessionFactory != null) ? sessionFactory : connectionFactory.getObject();
		logger.info("Curveball sessions kept in Redis at " + describe(factory) + " ("
				+ ((sessionFactory != null) ? "session-only" : "application's") + " connection), keys '"
				+ properties.getPrefix() + "-<id>', cookie '" + properties.getCookieName() + "'");
		return new RedisSessionStore(factory, properties.getPrefix(), ids);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionManager curveballSessionManager(CurveballSessionRedisProperties properties, SessionStore store,
			SessionCodec codec) {
		properties.validate();
		return new SessionManager(store, codec,
				new SessionSettings(properties.getExpiry(), properties.getMaxSize().toBytes()));
	}

	private static String describe(RedisConnectionFactory factory) {
		if (factory instanceof LettuceConnectionFactory lettuce) {
			return lettuce.getHostName() + ":" + lettuce.getPort();
		}
		return factory.getClass().getSimpleName();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RedisConnectionFactory.class)
	@Conditional(DedicatedConnectionCondition.class)
	static class DedicatedConnectionConfiguration {

		@Bean(defaultCandidate = false)
		@CurveballSessionRedis
		LettuceConnectionFactory curveballSessionRedisConnectionFactory(CurveballSessionRedisProperties properties) {
			RedisURI uri = redisUri(properties);
			LettuceClientConfiguration client = LettuceClientConfiguration.builder()
				.apply(uri)
				.commandTimeout(properties.getTimeout())
				.build();
			return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
		}

		private static RedisURI redisUri(CurveballSessionRedisProperties properties) {
			String url = properties.getUrl();
			if (url != null) {
				return RedisURI.create(url);
			}
			RedisURI.Builder uri = RedisURI.Builder
				.redis((properties.getHost() != null) ? properties.getHost() : "localhost",
						(properties.getPort() != null) ? properties.getPort() : RedisURI.DEFAULT_REDIS_PORT)
				.withDatabase(properties.getDatabase())
				.withSsl(properties.isSsl());
			String password = properties.getPassword();
			if (password != null) {
				String username = properties.getUsername();
				if (username != null) {
					uri.withAuthentication(username, password.toCharArray());
				}
				else {
					uri.withPassword(password.toCharArray());
				}
			}
			return uri.build();
		}

	}

	static class DedicatedConnectionCondition extends AnyNestedCondition {

		DedicatedConnectionCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("curveball.session.redis.host")
		static class HostSet {

		}

		@ConditionalOnProperty("curveball.session.redis.port")
		static class PortSet {

		}

		@ConditionalOnProperty("curveball.session.redis.url")
		static class UrlSet {

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SessionCookieCodec curveballSessionCookieCodec(CurveballSessionRedisProperties properties,
				ObjectProvider<SessionCookieCustomizer> customizers) {
			CurveballSessionRedisProperties.Cookie cookie = properties.getCookie();
			SessionCookieSettings settings = new SessionCookieSettings(properties.getCookieName(), cookie.getPath(),
					cookie.getDomain(), cookie.getSecure(), cookie.isHttpOnly(), cookie.getSameSite().attributeValue(),
					cookie.getMaxAge());
			return new SessionCookieCodec(settings, customizers.orderedStream().toList());
		}

		@Bean
		@ConditionalOnMissingBean(value = SessionFilter.class, parameterizedContainer = FilterRegistrationBean.class)
		FilterRegistrationBean<SessionFilter> curveballSessionFilterRegistration(
				CurveballSessionRedisProperties properties, SessionManager sessions, SessionCookieCodec cookies) {
			FilterRegistrationBean<SessionFilter> registration = new FilterRegistrationBean<>(
					new SessionFilter(sessions, cookies));
			registration.setOrder(properties.getFilterOrder());
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean
		SessionExceptionResolver curveballSessionExceptionResolver() {
			return new SessionExceptionResolver();
		}

		@Bean
		WebMvcConfigurer curveballSessionWebMvcConfigurer() {
			return new WebMvcConfigurer() {

				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(new SessionArgumentResolver());
				}

			};
		}

	}

}
