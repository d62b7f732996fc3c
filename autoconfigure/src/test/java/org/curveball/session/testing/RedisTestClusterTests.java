package org.curveball.session.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisTestCluster} and {@link RedisClusterExtension}.
 */
class RedisTestClusterTests {

	@RegisterExtension
	static final RedisClusterExtension redis = new RedisClusterExtension();

	@Test
	void start_threeMastersEachWithOneReplica() {
		RedisTestCluster cluster = redis.cluster();
		List<LocalRedisNode> masters = cluster.masters();
		assertThat(masters).hasSize(3);
		List<LocalRedisNode> replicas = masters.stream().map(cluster::replicaOf).toList();
		assertThat(replicas).doesNotHaveDuplicates().doesNotContainAnyElementsOf(masters);
		assertThat(cluster.nodes())
			.containsExactlyInAnyOrderElementsOf(Stream.concat(masters.stream(), replicas.stream()).toList());
	}

	@Test
	void start_everyNodeListensOnItsClusterBusPort() {
		RedisTestCluster cluster = redis.cluster();
		String view = cluster.nodes().get(0).commands().clusterNodes();
		assertThat(ClusterPartitionParser.parse(view)).hasSize(6);
		for (LocalRedisNode node : cluster.nodes()) {
			int busPort = node.port() + 10000;
			assertThat(busPort).isLessThanOrEqualTo(65535);
			assertThat(view).contains(node.address() + "@" + busPort);
		}
	}

	@Test
	void masterOf_isTheNodeThatHoldsTheKey() {
		RedisTestCluster cluster = redis.cluster();
		try (ClusterClient client = new ClusterClient(cluster)) {
			List<String> keys = IntStream.range(0, 30).mapToObj((i) -> "key-" + i).toList();
			keys.forEach((key) -> client.connection.sync().set(key, "value of " + key));
			for (String key : keys) {
				assertThat(cluster.masterOf(key).commands().get(key)).isEqualTo("value of " + key);
			}
			Set<LocalRedisNode> holders = keys.stream().map(cluster::masterOf).collect(Collectors.toSet());
			assertThat(holders).containsExactlyInAnyOrderElementsOf(cluster.masters());
		}
	}

	@Test
	void killMaster_replicaTakesOverWithTheDataAndHealRestoresTheReplica() {
		RedisTestCluster cluster = redis.cluster();
		try (ClusterClient client = new ClusterClient(cluster)) {
			client.connection.sync().set("key", "value");
		}
		LocalRedisNode master = cluster.masterOf("key");
		Failover failover = cluster.killMaster(master);
		assertThat(master.isRunning()).isFalse();
		Instant promotion = failover.awaitPromotion(Duration.ofSeconds(30));
		assertThat(promotion).isAfter(failover.killedAt());
		assertThat(failover.promotion()).contains(promotion);
		LocalRedisNode successor = failover.successor();
		assertThat(successor.commands().get("key")).isEqualTo("value");
		await().atMost(Duration.ofSeconds(10)).until(() -> cluster.masterOf("key") == successor);
		cluster.heal();
		assertThat(master.isRunning()).isTrue();
		assertThat(cluster.replicaOf(successor)).isSameAs(master);
		assertThat(cluster.masters()).hasSize(3).contains(successor).doesNotContain(master);
	}

	/**
	 * A cluster client of the test's own.
	 */
	private static final class ClusterClient implements AutoCloseable {

		private final RedisClusterClient client;

		private final StatefulRedisClusterConnection<String, String> connection;

		ClusterClient(RedisTestCluster cluster) {
			this.client = RedisClusterClient
				.create(cluster.nodes().stream().map((node) -> RedisURI.create("127.0.0.1", node.port())).toList());
			this.connection = this.client.connect();
		}

		@Override
		public void close() {
			this.connection.close();
			this.client.shutdown();
		}

	}

}
