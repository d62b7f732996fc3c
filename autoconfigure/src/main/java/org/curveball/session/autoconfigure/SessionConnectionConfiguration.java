package org.curveball.session.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import org.curveball.session.autoconfigure.CurveballSessionRedisProperties.Cluster;
import org.curveball.session.autoconfigure.CurveballSessionRedisProperties.Sentinel;
import org.curveball.session.redis.CurveballSessionRedis;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.LettuceClientConfigurationBuilder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis connection of sessions: a dedicated one when
 * {@code curveball.session.redis.host}, {@code port}, {@code url}, {@code cluster.nodes}
 * or {@code sentinel.nodes} is set and the application defines no connection factory of
 * its own, otherwise the application's, whose command timeout and reconnection delay are
 * bounded so that a request waiting for Redis is answered promptly. Cluster connections
 * refresh their view of the cluster, so that sessions recover from a failover by
 * themselves (see {@link ClusterTopologyRefresh}).
 */
@Configuration(proxyBeanMethods = false)
@Import({ SessionConnectionConfiguration.DedicatedConnectionConfiguration.class,
		SessionConnectionConfiguration.SharedConnectionConfiguration.class })
class SessionConnectionConfiguration {

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RedisConnectionFactory.class)
	@Conditional({ DedicatedConnectionCondition.class, NoSessionConnectionFactoryCondition.class })
	static class DedicatedConnectionConfiguration {

		@Bean(destroyMethod = "shutdown", defaultCandidate = false)
		@CurveballSessionRedis
		DefaultClientResources curveballSessionRedisClientResources(CurveballSessionRedisProperties properties) {
			return DefaultClientResources.builder().reconnectDelay(reconnectDelay(properties.getTimeout())).build();
		}

		@Bean(name = CurveballSessionRedisAutoConfiguration.DEDICATED_CONNECTION_FACTORY_BEAN_NAME,
				defaultCandidate = false)
		@CurveballSessionRedis
		LettuceConnectionFactory curveballSessionRedisConnectionFactory(CurveballSessionRedisProperties properties,
				@CurveballSessionRedis ClientResources clientResources) {
			if (!properties.getCluster().getNodes().isEmpty()) {
				return new LettuceConnectionFactory(clusterConfiguration(properties),
						topologyClient(properties, clientResources, clusterOptions(properties.getCluster())));
			}
			if (!properties.getSentinel().getNodes().isEmpty()) {
				return new LettuceConnectionFactory(sentinelConfiguration(properties),
						topologyClient(properties, clientResources, ClientOptions.builder()));
			}
			RedisURI uri = redisUri(properties);
			LettuceClientConfiguration client = LettuceClientConfiguration.builder()
				.apply(uri)
				.commandTimeout(properties.getTimeout())
				.clientResources(clientResources)
				.build();
			return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
		}

		private static LettuceClientConfiguration topologyClient(CurveballSessionRedisProperties properties,
				ClientResources clientResources, ClientOptions.Builder options) {
			LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
				.commandTimeout(properties.getTimeout())
				.clientResources(clientResources)
				.clientOptions(options.timeoutOptions(TimeoutOptions.enabled()).build());
			if (properties.isSsl()) {
				client.useSsl();
			}
			return client.build();
		}

		private static ClusterClientOptions.Builder clusterOptions(Cluster cluster) {
			ClusterClientOptions.Builder options = ClusterClientOptions.builder();
			return cluster.getRefresh().isEnabled()
					? ClusterTopologyRefresh.apply(options, cluster.getRefresh().getPeriod()) : options;
		}

		private static RedisClusterConfiguration clusterConfiguration(CurveballSessionRedisProperties properties) {
			RedisClusterConfiguration configuration = new RedisClusterConfiguration(properties.getCluster().getNodes());
			Integer maxRedirects = properties.getCluster().getMaxRedirects();
			if (maxRedirects != null) {
				configuration.setMaxRedirects(maxRedirects);
			}
			configuration.setUsername(properties.getUsername());
			configuration.setPassword(RedisPassword.of(properties.getPassword()));
			return configuration;
		}

		private static RedisSentinelConfiguration sentinelConfiguration(CurveballSessionRedisProperties properties) {
			Sentinel sentinel = properties.getSentinel();
			RedisSentinelConfiguration configuration = new RedisSentinelConfiguration(sentinel.getMaster(),
					new LinkedHashSet<>(sentinel.getNodes()));
			configuration.setDatabase(properties.getDatabase());
			configuration.setUsername(properties.getUsername());
			configuration.setPassword(RedisPassword.of(properties.getPassword()));
			configuration.setSentinelUsername(sentinel.getUsername());
			configuration.setSentinelPassword(RedisPassword.of(sentinel.getPassword()));
			return configuration;
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
	 * Bounds the application's shared connection when sessions use it.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(SharedConnectionCondition.class)
	static class SharedConnectionConfiguration {

		/**
		 * Caps the reconnection delay of the shared connection, as the dedicated
		 * connection's is capped, so that sessions work again as soon as Redis is back.
		 * @param properties the session properties
		 * @return the customizer
		 */
		@Bean
		ClientResourcesBuilderCustomizer curveballSessionReconnectDelay(CurveballSessionRedisProperties properties) {
			return (builder) -> builder.reconnectDelay(reconnectDelay(properties.getTimeout()));
		}

		/**
		 * Bounds the shared connection's commands by
		 * {@code curveball.session.redis.timeout} unless the application set
		 * {@code spring.data.redis.timeout} itself: Lettuce's default of 60 seconds would
		 * hold request threads for a minute while Redis hangs.
		 * @param properties the session properties
		 * @return the customizer
		 */
		/**
		 * Makes the shared connection refresh its view of a Redis Cluster, unless the
		 * application set {@code spring.data.redis.lettuce.cluster.refresh.*} itself, so
		 * that sessions recover from a failover by themselves.
		 * @param properties the session properties
		 * @return the customizer, which leaves a connection to anything but a cluster
		 * alone
		 */
		@Bean
		@ConditionalOnBooleanProperty(name = "curveball.session.redis.cluster.refresh.enabled", matchIfMissing = true)
		@Conditional(NoSharedClusterRefreshCondition.class)
		LettuceClientOptionsBuilderCustomizer curveballSessionClusterTopologyRefresh(
				CurveballSessionRedisProperties properties) {
			return (options) -> {
				if (options instanceof ClusterClientOptions.Builder clusterOptions) {
					ClusterTopologyRefresh.apply(clusterOptions, properties.getCluster().getRefresh().getPeriod());
				}
			};
		}

		@Bean
		@Conditional(NoSharedTimeoutCondition.class)
		LettuceClientConfigurationBuilderCustomizer curveballSessionCommandTimeout(
				CurveballSessionRedisProperties properties) {
			return (builder) -> builder.commandTimeout(properties.getTimeout());
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

	static class NoSharedTimeoutCondition extends NoneNestedConditions {

		NoSharedTimeoutCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.data.redis.timeout")
		static class TimeoutSet {

		}

	}

	/**
	 * Matches unless the application configured the topology refresh of Spring Boot's
	 * cluster connection itself, whatever the values.
	 */
	static class NoSharedClusterRefreshCondition extends SpringBootCondition {

		private static final String REFRESH_PROPERTIES = "spring.data.redis.lettuce.cluster.refresh";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean set = Binder.get(context.getEnvironment())
				.bind(REFRESH_PROPERTIES, Bindable.mapOf(String.class, String.class))
				.isBound();
			return set ? ConditionOutcome.noMatch(REFRESH_PROPERTIES + ".* is set")
					: ConditionOutcome.match(REFRESH_PROPERTIES + ".* is not set");
		}

	}

	/**
	 * Matches when a list property has at least one element, however it is written
	 * ({@code nodes=a,b} or {@code nodes[0]=a}), which {@code @ConditionalOnProperty}
	 * does not see in the indexed form.
	 */
	abstract static class OnListPropertyCondition extends SpringBootCondition {

		private final String name;

		OnListPropertyCondition(String name) {
			this.name = name;
		}

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean set = Binder.get(context.getEnvironment())
				.bind(this.name, Bindable.listOf(String.class))
				.map((values) -> !values.isEmpty())
				.orElse(false);
			return set ? ConditionOutcome.match(this.name + " is set")
					: ConditionOutcome.noMatch(this.name + " is not set");
		}

	}

	static class ClusterNodesCondition extends OnListPropertyCondition {

		ClusterNodesCondition() {
			super("curveball.session.redis.cluster.nodes");
		}

	}

	static class SentinelNodesCondition extends OnListPropertyCondition {

		SentinelNodesCondition() {
			super("curveball.session.redis.sentinel.nodes");
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

		@Conditional(ClusterNodesCondition.class)
		static class ClusterNodesSet {

		}

		@Conditional(SentinelNodesCondition.class)
		static class SentinelNodesSet {

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

}
