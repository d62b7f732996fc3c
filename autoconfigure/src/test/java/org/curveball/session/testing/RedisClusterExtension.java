package org.curveball.session.testing;

/**
 * JUnit extension that runs one {@link RedisTestCluster} for a test class and, before
 * each test, starts again the nodes an earlier test killed, waits until the cluster is
 * whole and deletes every key. The tests are skipped, with the reason, where no
 * {@code redis-server} is on the {@code PATH}.
 * <p>
 * Register it on a static field: <pre class="code">
 * &#64;RegisterExtension
 * static final RedisClusterExtension redis = new RedisClusterExtension();
 * </pre>
 */
public final class RedisClusterExtension extends LocalRedisExtension<RedisTestCluster> {

	/**
	 * Create the extension.
	 */
	public RedisClusterExtension() {
		super("a Redis Cluster");
	}

	@Override
	RedisTestCluster start() {
		return RedisTestCluster.start();
	}

	@Override
	void reset(RedisTestCluster cluster) {
		cluster.heal();
		cluster.flushAll();
	}

	/**
	 * Return the cluster of the running test class.
	 * @return the cluster
	 */
	public RedisTestCluster cluster() {
		return running();
	}

}
