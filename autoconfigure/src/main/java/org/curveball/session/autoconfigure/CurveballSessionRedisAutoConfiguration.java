package org.curveball.session.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionAttributeTypes;
import org.curveball.session.SessionAttributeTypesCustomizer;
import org.curveball.session.SessionCodec;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionManager;
import org.curveball.session.SessionSettings;
import org.curveball.session.SessionObserver;
import org.curveball.session.SessionStore;
import org.curveball.session.SessionStoreException;
import org.curveball.session.micrometer.MicrometerSessionObserver;
import org.curveball.session.redis.CurveballSessionRedis;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.web.servlet.SessionArgumentResolver;
import org.curveball.session.web.servlet.SessionCookieCodec;
import org.curveball.session.web.servlet.SessionCookieCustomizer;
import org.curveball.session.web.servlet.SessionCookieSettings;
import org.curveball.session.web.servlet.SessionExceptionResolver;
import org.curveball.session.web.servlet.SessionFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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
@AutoConfiguration(before = DataRedisAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ RedisConnectionFactory.class, JsonMapper.class })
@ConditionalOnBooleanProperty(name = "curveball.session.redis.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CurveballSessionRedisProperties.class)
@Import(FlashMapManagerConfiguration.class)
public final class CurveballSessionRedisAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CurveballSessionRedisAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SessionIdGenerator curveballSessionIdGenerator() {
		return new SecureRandomSessionIdGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	SessionCodec curveballSessionCodec(ObjectProvider<JsonMapper> jsonMapper, SessionAttributeTypes attributeTypes) {
		return new SessionCodec(jsonMapper.getIfAvailable(JsonMapper::new), attributeTypes);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionAttributeTypes curveballSessionAttributeTypes(ObjectProvider<JsonMapper> jsonMapper,
			CurveballSessionRedisProperties properties, ObjectProvider<SessionAttributeTypesCustomizer> customizers) {
		SessionAttributeTypesCustomizer allowedPackages = (allowedTypes,
				mapper) -> properties.getHttpSession().getAllowedPackages().forEach(allowedTypes::allowIfSubType);
		return SessionAttributeTypes.of(jsonMapper.getIfAvailable(JsonMapper::new),
				Stream.concat(Stream.of(allowedPackages), customizers.orderedStream()).toList(),
				"allow it with curveball.session.redis.http-session.allowed-packages"
						+ " or a SessionAttributeTypesCustomizer bean");
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
			SessionCodec codec, ObjectProvider<SessionObserver> observer) {
		SessionSettings settings = new SessionSettings(properties.getExpiry(), properties.getMaxSize().toBytes(),
				properties.getMaxLifetime());
		return new SessionManager(store, codec, settings, Clock.systemUTC(),
				observer.getIfAvailable(() -> SessionObserver.NONE));
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> curveballSessionRedisAvailabilityCheck(SessionStore store) {
		return (event) -> {
			if (store instanceof RedisSessionStore redisStore) {
				try {
					redisStore.ping();
				}
				catch (SessionStoreException ex) {
					logger.warn("Redis for Curveball sessions does not answer (" + rootMessage(ex)
							+ "); requests that use their session are answered 503 until it is back");
				}
			}
		};
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	/**
	 * Return how long Lettuce waits before it tries a lost connection again. Its default
	 * backs off exponentially up to 30 seconds, so that after a long outage requests kept
	 * failing for up to half a minute once Redis was back. Capped at a quarter of the
	 * command timeout, the connection is back before a request that waits for it times
	 * out.
	 * @param timeout the command timeout
	 * @return the delay
	 */
	static Delay reconnectDelay(Duration timeout) {
		Duration cap = timeout.dividedBy(4);
		return Delay.exponential(Duration.ZERO, cap.isZero() ? Duration.ofMillis(1) : cap, 2, TimeUnit.MILLISECONDS);
	}

	private static String describe(RedisConnectionFactory factory) {
		if (factory instanceof LettuceConnectionFactory lettuce) {
			return lettuce.getHostName() + ":" + lettuce.getPort();
		}
		return factory.getClass().getSimpleName();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RedisConnectionFactory.class)
	@Conditional({ DedicatedConnectionCondition.class, NoSessionConnectionFactoryCondition.class })
	static class DedicatedConnectionConfiguration {

		@Bean(destroyMethod = "shutdown", defaultCandidate = false)
		@CurveballSessionRedis
		DefaultClientResources curveballSessionRedisClientResources(CurveballSessionRedisProperties properties) {
			return DefaultClientResources.builder().reconnectDelay(reconnectDelay(properties.getTimeout())).build();
		}

		@Bean(defaultCandidate = false)
		@CurveballSessionRedis
		LettuceConnectionFactory curveballSessionRedisConnectionFactory(CurveballSessionRedisProperties properties,
				@CurveballSessionRedis ClientResources clientResources) {
			RedisURI uri = redisUri(properties);
			LettuceClientConfiguration client = LettuceClientConfiguration.builder()
				.apply(uri)
				.commandTimeout(properties.getTimeout())
				.clientResources(clientResources)
				.build();
			return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
		}

		/**
		 * Reports the dedicated connection in {@code /actuator/health} as
		 * {@code curveballSessionRedis}; Boot's Redis health covers only the
		 * application's connection, the one sessions share otherwise.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass({ HealthIndicator.class, DataRedisHealthIndicator.class })
		@ConditionalOnEnabledHealthIndicator("curveball-session-redis")
		static class DedicatedConnectionHealthConfiguration {

			@Bean
			HealthIndicator curveballSessionRedisHealthIndicator(
					@CurveballSessionRedis RedisConnectionFactory connectionFactory) {
				return new DataRedisHealthIndicator(connectionFactory);
			}

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

	/**
	 * Bounds the shared connection's commands by {@code curveball.session.redis.timeout}
	 * unless the application set {@code spring.data.redis.timeout} itself: Lettuce's
	 * default of 60 seconds would hold request threads for a minute while Redis hangs.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(SharedConnectionWithoutTimeoutCondition.class)
	static class SharedConnectionTimeoutConfiguration {

		@Bean
		LettuceClientConfigurationBuilderCustomizer curveballSessionCommandTimeout(
				CurveballSessionRedisProperties properties) {
			return (builder) -> builder.commandTimeout(properties.getTimeout());
		}

	}

	/**
	 * Caps the reconnection delay of the application's shared connection, as the
	 * dedicated connection's is capped, so that sessions work again as soon as Redis is
	 * back.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(SharedConnectionCondition.class)
	static class SharedConnectionReconnectConfiguration {

		@Bean
		ClientResourcesBuilderCustomizer curveballSessionReconnectDelay(CurveballSessionRedisProperties properties) {
			return (builder) -> builder.reconnectDelay(reconnectDelay(properties.getTimeout()));
		}

	}

	static class SharedConnectionCondition extends NoneNestedConditions {

		SharedConnectionCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(DedicatedConnectionCondition.class)
		static class DedicatedConnection {

		}

	}

	static class SharedConnectionWithoutTimeoutCondition extends NoneNestedConditions {

		SharedConnectionWithoutTimeoutCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(DedicatedConnectionCondition.class)
		static class DedicatedConnection {

		}

		@ConditionalOnProperty("spring.data.redis.timeout")
		static class TimeoutSet {

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

	/**
	 * Matches when the application declares no {@link CurveballSessionRedis} connection
	 * factory. {@code @ConditionalOnMissingBean} cannot tell, since it ignores beans that
	 * are not default candidates, as such a factory usually is.
	 */
	static class NoSessionConnectionFactoryCondition extends SpringBootCondition implements ConfigurationCondition {

		@Override
		public ConfigurationPhase getConfigurationPhase() {
			return ConfigurationPhase.REGISTER_BEAN;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			for (String name : beanFactory.getBeanNamesForType(RedisConnectionFactory.class, true, false)) {
				if (beanFactory.findAnnotationOnBean(name, CurveballSessionRedis.class, false) != null) {
					return ConditionOutcome.noMatch("found @CurveballSessionRedis connection factory '" + name + "'");
				}
			}
			return ConditionOutcome.match("no @CurveballSessionRedis connection factory");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(SessionObserver.class)
		MicrometerSessionObserver curveballSessionMetrics(MeterRegistry registry) {
			return new MicrometerSessionObserver(registry);
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
				CurveballSessionRedisProperties properties, SessionManager sessions, SessionCookieCodec cookies,
				SessionAttributeTypes attributeTypes) {
			SessionAttributeTypes httpSessionTypes = properties.getHttpSession().isEnabled() ? attributeTypes : null;
			FilterRegistrationBean<SessionFilter> registration = new FilterRegistrationBean<>(
					new SessionFilter(sessions, cookies, httpSessionTypes));
			registration.setOrder(properties.getFilterOrder());
			return registration;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(SecurityJacksonModules.class)
		static class SpringSecurityAttributeTypesConfiguration {

			@Bean
			SessionAttributeTypesCustomizer curveballSessionSpringSecurityTypes() {
				return (allowedTypes, mapper) -> mapper
					.addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), allowedTypes));
			}

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
