package org.curveball.session.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.SessionStoreException;
import org.curveball.session.autoconfigure.health.CurveballSessionRedisHealthContributorAutoConfiguration;
import org.curveball.session.autoconfigure.metrics.CurveballSessionMetricsAutoConfiguration;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionManager;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisClusterExtension;
import org.curveball.session.testing.RedisTestCluster;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SessionConnectionConfiguration} on a real Redis Cluster: the
 * connection that sessions get from {@code curveball.session.redis.cluster.*}, its health
 * and metrics, and the topology refresh of cluster connections, dedicated or shared.
 */
class SessionConnectionConfigurationClusterTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@RegisterExtension
	static final RedisClusterExtension redis = new RedisClusterExtension();

	private static final String DEDICATED_FACTORY = CurveballSessionRedisAutoConfiguration.DEDICATED_CONNECTION_FACTORY_BEAN_NAME;

	private static final String BOOT_FACTORY = "redisConnectionFactory";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CurveballSessionRedisAutoConfiguration.class,
				CurveballSessionRedisHealthContributorAutoConfiguration.class,
				CurveballSessionMetricsAutoConfiguration.class, DataRedisAutoConfiguration.class,
				JacksonAutoConfiguration.class));

	@Test
	void clusterNodes_sessionsKeptOnTheClusterThroughADedicatedConnectionBesideBootOne() {
		RedisTestCluster cluster = redis.cluster();
		this.contextRunner
			.withPropertyValues("curveball.session.redis.cluster.nodes=" + cluster.nodeAddresses(),
					"spring.data.redis.host=app.example")
			.run((context) -> {
				assertThat(context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class).isClusterAware())
					.isTrue();
				assertThat(context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class).getHostName())
					.isEqualTo("app.example");
				RedisSessionStore store = context.getBean(RedisSessionStore.class);
				String id = store.newSessionId();
				store.set(id, "{\"user\":\"ada\"}", Duration.ofMinutes(5));
				assertThat(cluster.masterOf(store.key(id)).commands().get(store.key(id)))
					.isEqualTo("{\"user\":\"ada\"}");
			});
	}

	@Test
	void clusterNodes_indexed_createDedicatedClusterConnection() {
		List<String> nodes = List.of(redis.cluster().nodeAddresses().split(","));
		this.contextRunner
			.withPropertyValues("curveball.session.redis.cluster.nodes[0]=" + nodes.get(0),
					"curveball.session.redis.cluster.nodes[1]=" + nodes.get(1))
			.run((context) -> assertThat(dedicatedFactory(context).isClusterAware()).isTrue());
	}

	@Test
	void dedicatedClusterConnection_refreshesItsTopologyPeriodicallyAndOnSignsOfChange() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.cluster.nodes=" + redis.cluster().nodeAddresses(),
					"curveball.session.redis.cluster.refresh.period=7s")
			.run((context) -> assertRefreshes(clusterOptions(dedicatedFactory(context)), Duration.ofSeconds(7)));
	}

	@Test
	void dedicatedClusterConnection_refreshDisabled_keepsLettuceDefaults() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.cluster.nodes=" + redis.cluster().nodeAddresses(),
					"curveball.session.redis.cluster.refresh.enabled=false")
			.run((context) -> assertRefreshesNothing(clusterOptions(dedicatedFactory(context))));
	}

	@Test
	void sharedClusterConnection_refreshesItsTopology() {
		this.contextRunner.withPropertyValues("spring.data.redis.cluster.nodes=" + redis.cluster().nodeAddresses())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DEDICATED_FACTORY);
				assertRefreshes(clusterOptions(bootFactory(context)), Duration.ofSeconds(10));
			});
	}

	@Test
	void sharedClusterConnection_applicationSetItsRefresh_isLeftAsSet() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.cluster.nodes=" + redis.cluster().nodeAddresses(),
					"spring.data.redis.lettuce.cluster.refresh.adaptive=false")
			.run((context) -> assertRefreshesNothing(clusterOptions(bootFactory(context))));
	}

	@Test
	void sharedClusterConnection_refreshDisabled_isLeftToBoot() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.cluster.nodes=" + redis.cluster().nodeAddresses(),
					"curveball.session.redis.cluster.refresh.enabled=false")
			.run((context) -> assertRefreshesNothing(clusterOptions(bootFactory(context))));
	}

	@Test
	void dedicatedClusterConnection_healthIsUpWithTheClustersSlots() {
		this.contextRunner
			.withPropertyValues("curveball.session.redis.cluster.nodes=" + redis.cluster().nodeAddresses())
			.run((context) -> {
				Health health = context.getBean("curveballSessionRedisHealthIndicator", HealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("cluster_size", 3L).containsEntry("slots_up", 16384L);
			});
	}

	@Test
	void masterDown_itsSessionsAreTimedAsErrorsWhileOthersAreServed() {
		RedisTestCluster cluster = redis.cluster();
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("curveball.session.redis.cluster.nodes=" + cluster.nodeAddresses())
			.run((context) -> {
				SessionManager sessions = context.getBean(SessionManager.class);
				RedisSessionStore store = context.getBean(RedisSessionStore.class);
				List<String> ids = List.of(created(sessions), created(sessions), created(sessions), created(sessions),
						created(sessions), created(sessions));
				String lost = ids.get(0);
				String kept = ids.stream()
					.filter((id) -> cluster.masterOf(store.key(id)) != cluster.masterOf(store.key(lost)))
					.findFirst()
					.orElseThrow();
				cluster.killMaster(cluster.masterOf(store.key(lost)));
				assertThatExceptionOfType(SessionStoreException.class)
					.isThrownBy(() -> sessions.open(lost, () -> null).isEmpty());
				assertThat(sessions.open(kept, () -> null).get("user", String.class)).isEqualTo("ada");
				SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
				assertThat(registry.get("curveball.session.store").tag("outcome", "error").timer().count())
					.isEqualTo(1);
				assertThat(registry.get("curveball.session.store").tag("outcome", "hit").timer().count()).isEqualTo(1);
			});
	}

	private static String created(SessionManager sessions) {
		LazySession session = sessions.open(null, () -> null);
		session.put("user", "ada");
		return session.commit().id();
	}

	private static void assertRefreshes(ClusterClientOptions options, Duration period) {
		ClusterTopologyRefreshOptions refresh = options.getTopologyRefreshOptions();
		assertThat(refresh.isPeriodicRefreshEnabled()).isTrue();
		assertThat(refresh.getRefreshPeriod()).isEqualTo(period);
		assertThat(refresh.getAdaptiveRefreshTriggers()).containsExactlyInAnyOrder(RefreshTrigger.values());
		assertThat(refresh.getAdaptiveRefreshTimeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.getNodeFilter().test(node(NodeFlag.UPSTREAM))).isTrue();
		assertThat(options.getNodeFilter().test(node(NodeFlag.UPSTREAM, NodeFlag.FAIL))).isFalse();
	}

	private static void assertRefreshesNothing(ClusterClientOptions options) {
		ClusterTopologyRefreshOptions refresh = options.getTopologyRefreshOptions();
		assertThat(refresh.isPeriodicRefreshEnabled()).isFalse();
		assertThat(refresh.getAdaptiveRefreshTriggers()).isEmpty();
		assertThat(options.getNodeFilter().test(node(NodeFlag.UPSTREAM, NodeFlag.FAIL))).isTrue();
	}

	private static RedisClusterNode node(NodeFlag... flags) {
		RedisClusterNode node = new RedisClusterNode();
		node.setFlags(Set.of(flags));
		return node;
	}

	private static ClusterClientOptions clusterOptions(LettuceConnectionFactory factory) {
		return (ClusterClientOptions) factory.getClientConfiguration().getClientOptions().orElseThrow();
	}

	private static LettuceConnectionFactory dedicatedFactory(AssertableApplicationContext context) {
		return context.getBean(DEDICATED_FACTORY, LettuceConnectionFactory.class);
	}

	private static LettuceConnectionFactory bootFactory(AssertableApplicationContext context) {
		return context.getBean(BOOT_FACTORY, LettuceConnectionFactory.class);
	}

}
