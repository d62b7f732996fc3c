package org.curveball.session.autoconfigure;

import java.time.Duration;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;

/**
 * How the cluster connections that sessions use keep their view of a Redis Cluster
 * current, so that the sessions of a master that failed are served again shortly after
 * its replica takes over.
 * <p>
 * Lettuce refreshes nothing unless told to: after a failover, the commands for the lost
 * master's slots kept timing out for as long as the application ran. Its adaptive refresh
 * alone, limited to once every 30 seconds by default, brought them back about 30 seconds
 * after the promotion. Here, signs of a change (a node that cannot be reconnected, a
 * redirect, a slot that no known node serves) refresh the view at most once a second, a
 * periodic refresh catches what gives no sign (a node that hangs without closing its
 * connections), and nodes the cluster has marked as failed are left out of the view, so
 * that commands for their slots fail at once instead of waiting for the timeout, and a
 * dead node is not tried again forever.
 */
final class ClusterTopologyRefresh {

	/**
	 * The shortest time between two refreshes that signs of a change start.
	 */
	static final Duration ADAPTIVE_REFRESH_LIMIT = Duration.ofSeconds(1);

	private ClusterTopologyRefresh() {
	}

	/**
	 * Make a cluster connection refresh its view as described above.
	 * @param options the connection's options
	 * @param period the period of the refresh
	 * @return the options
	 */
	static ClusterClientOptions.Builder apply(ClusterClientOptions.Builder options, Duration period) {
		return options
			.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
				.enablePeriodicRefresh(period)
				.enableAllAdaptiveRefreshTriggers()
				.adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_LIMIT)
				.build())
			.nodeFilter(ClusterTopologyRefresh::isReachable);
	}

	private static boolean isReachable(RedisClusterNode node) {
		return !node.is(NodeFlag.FAIL) && !node.is(NodeFlag.NOADDR);
	}

}
