package org.curveball.session.autoconfigure;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionIdListener;
import org.curveball.session.SessionObserver;
import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStore;
import org.curveball.session.SessionStoreException;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.json.SessionAttributeTypesCustomizer;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.principal.PrincipalSessionIndex;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.principal.redis.RedisPrincipalSessionIndex;
import org.curveball.session.redis.CurveballSessionRedis;
import org.curveball.session.redis.ReactiveRedisSessionStore;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.security.SpringSecurityAttributeTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for Curveball sessions stored in Redis: the store, the JSON codec
 * and the session manager that every web stack uses, and beside the store, the index of
 * each signed-in user's sessions.
 * <p>
 * Sessions use, in this order: a {@code RedisConnectionFactory} qualified with
 * {@link CurveballSessionRedis}; a dedicated connection when
 * {@code curveball.session.redis.host}, {@code port}, {@code url}, {@code cluster.nodes}
 * or {@code sentinel.nodes} is set and the application defines no connection factory of
 * its own; the application's connection factory. It runs before Boot's Redis
 * auto-configuration so that "defines no connection factory of its own" sees the
 * application's beans alone; the dedicated factory is not a default candidate, so Boot
 * still creates the application's.
 */
@AutoConfiguration(before = DataRedisAutoConfiguration.class)
@ConditionalOnClass({ RedisConnectionFactory.class, JsonMapper.class })
@ConditionalOnBooleanProperty(name = "curveball.session.redis.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CurveballSessionRedisProperties.class)
@Import(SessionConnectionConfiguration.class)
public final class CurveballSessionRedisAutoConfiguration {

	/**
	 * The name of the bean of the connection factory dedicated to sessions, which exists
	 * when {@code curveball.session.redis.host}, {@code port}, {@code url},
	 * {@code cluster.nodes} or {@code sentinel.nodes} is set.
	 */
	public static final String DEDICATED_CONNECTION_FACTORY_BEAN_NAME = "curveballSessionRedisConnectionFactory";

	private static final Log logger = LogFactory.getLog(CurveballSessionRedisAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SessionIdGenerator curveballSessionIdGenerator() {
		return new SecureRandomSessionIdGenerator();
	}

	@Bean
	@ConditionalOnMissingBean
	SessionAttributeTypes curveballSessionAttributeTypes(ObjectProvider<JsonMapper> jsonMapper,
			CurveballSessionRedisProperties properties, ObjectProvider<SessionAttributeTypesCustomizer> customizers) {
		SessionAttributeTypesCustomizer allowedPackages = (allowedTypes,
				mapper) -> properties.getAttributeTypes().getAllowedPackages().forEach(allowedTypes::allowIfSubType);
		return SessionAttributeTypes.of(jsonMapper.getIfAvailable(JsonMapper::new),
				Stream.concat(Stream.of(allowedPackages), customizers.orderedStream()).toList(),
				"allow it with curveball.session.redis.attribute-types.allowed-packages"
						+ " or a SessionAttributeTypesCustomizer bean");
	}

	@Bean
	@ConditionalOnMissingBean
	SessionCodec curveballSessionCodec(ObjectProvider<JsonMapper> jsonMapper, SessionAttributeTypes attributeTypes) {
		return new SessionCodec(jsonMapper.getIfAvailable(JsonMapper::new), attributeTypes);
	}

	@Bean
	@ConditionalOnMissingBean(SessionStore.class)
	RedisSessionStore curveballSessionStore(CurveballSessionRedisProperties properties,
			@CurveballSessionRedis ObjectProvider<RedisConnectionFactory> sessionConnectionFactory,
			ObjectProvider<RedisConnectionFactory> connectionFactory, SessionIdGenerator ids) {
		RedisConnectionFactory sessionFactory = sessionConnectionFactory.getIfAvailable();
		RedisConnectionFactory factory = (sessionFactory != null) ? sessionFactory : connectionFactory.getObject();
		logger.info("Curveball sessions kept in Redis at " + describe(factory) + " ("
				+ ((sessionFactory != null) ? "session-only" : "application's") + " connection), keys '"
				+ properties.getPrefix() + "-<id>', cookie '" + properties.getCookie().getName() + "'");
		return new RedisSessionStore(factory, properties.getPrefix(), ids);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RedisSessionStore.class)
	@ConditionalOnBooleanProperty(name = "curveball.session.redis.principals.enabled", matchIfMissing = true)
	PrincipalSessionIndex curveballPrincipalSessionIndex(RedisSessionStore store,
			CurveballSessionRedisProperties properties) {
		return new RedisPrincipalSessionIndex(store.connectionFactory(), store.prefix(), settings(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PrincipalSessionIndex.class)
	PrincipalSessions curveballPrincipalSessions(PrincipalSessionIndex index, SessionStore store,
			ObjectProvider<AsyncSessionStore> nonBlockingStore) {
		if (nonBlockingStore.getIfAvailable() != null) {
			return new PrincipalSessions(index, store, ReactiveStoreConfiguration.blockingCalls());
		}
		return new PrincipalSessions(index, store);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionManager curveballSessionManager(CurveballSessionRedisProperties properties, SessionStore store,
			ObjectProvider<AsyncSessionStore> nonBlockingStore, SessionCodec codec,
			ObjectProvider<SessionObserver> observers, ObjectProvider<SessionIdListener> idListeners) {
		SessionObserver observer = SessionObserver.of(observers.orderedStream().toList());
		SessionIdListener idListener = SessionIdListener.of(idListeners.orderedStream().toList());
		AsyncSessionStore nonBlocking = nonBlockingStore.getIfAvailable();
		if (nonBlocking != null) {
			return new SessionManager(nonBlocking, codec, settings(properties), Clock.systemUTC(), observer,
					idListener);
		}
		return new SessionManager(store, codec, settings(properties), Clock.systemUTC(), observer, idListener);
	}

	private static SessionSettings settings(CurveballSessionRedisProperties properties) {
		return new SessionSettings(properties.getExpiry(), properties.getMaxSize().toBytes(),
				properties.getMaxLifetime());
	}

	@Bean
	@ConditionalOnMissingBean(name = "curveballSessionRedisAvailabilityCheck")
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

	private static String describe(RedisConnectionFactory factory) {
		if (factory instanceof LettuceConnectionFactory lettuce) {
			RedisClusterConfiguration cluster = lettuce.getClusterConfiguration();
			if (cluster != null) {
				return "Redis Cluster " + addresses(cluster.getClusterNodes());
			}
			RedisSentinelConfiguration sentinel = lettuce.getSentinelConfiguration();
			if (sentinel != null) {
				return "master '" + sentinel.getMaster().getName() + "' of Redis Sentinel "
						+ addresses(sentinel.getSentinels());
			}
			return lettuce.getHostName() + ":" + lettuce.getPort();
		}
		return factory.getClass().getSimpleName();
	}

	private static String addresses(Collection<RedisNode> nodes) {
		return nodes.stream().map((node) -> node.getHost() + ":" + node.getPort()).collect(Collectors.joining(","));
	}

	/**
	 * The non-blocking store of reactive web applications: the same Redis keys over the
	 * same connection factory as the blocking store, through its reactive API.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ ReactiveRedisConnectionFactory.class, Mono.class })
	static class ReactiveStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(AsyncSessionStore.class)
		ReactiveRedisSessionStore curveballReactiveSessionStore(SessionStore store,
				CurveballSessionRedisProperties properties, SessionIdGenerator ids) {
			if (!(store instanceof RedisSessionStore redisStore)) {
				throw new IllegalStateException("A reactive web application needs an AsyncSessionStore bean beside "
						+ "the SessionStore bean " + store.getClass().getName() + ": the session web filter never "
						+ "blocks an event loop");
			}
			if (!(redisStore.connectionFactory() instanceof ReactiveRedisConnectionFactory reactive)) {
				throw new IllegalStateException("Curveball sessions in a reactive web application need a "
						+ "ReactiveRedisConnectionFactory (Lettuce); "
						+ redisStore.connectionFactory().getClass().getName() + " is not one");
			}
			return new ReactiveRedisSessionStore(reactive, redisStore.prefix(), ids, properties.getTimeout());
		}

		/**
		 * Return where calls that block run in a reactive application: never on an event
		 * loop.
		 * @return an executor over Reactor's bounded elastic scheduler
		 */
		static Executor blockingCalls() {
			return (call) -> Schedulers.boundedElastic().schedule(call);
		}

	}

	/**
	 * Allows the types Spring Security keeps in sessions (its security context, saved
	 * requests, CSRF tokens, authentication exceptions, OAuth2 authorization requests).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityJacksonModules.class)
	static class SpringSecurityAttributeTypesConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "curveballSessionSpringSecurityTypes")
		SessionAttributeTypesCustomizer curveballSessionSpringSecurityTypes() {
			return new SpringSecurityAttributeTypes(getClass().getClassLoader());
		}

	}

}
