package org.curveball.session.testing;

/**
 * JUnit extension that runs one {@link RedisTestSentinel} setup for a test class and,
 * before each test, starts again the data node an earlier test killed and waits until the
 * sentinels see a master with a replica in sync, and deletes every key. The tests are
 * skipped, with the reason, where no {@code redis-server} is on the {@code PATH}.
 * <p>
 * Register it on a static field: <pre class="code">
 * &#64;RegisterExtension
 * static final RedisSentinelExtension redis = new RedisSentinelExtension();
 * </pre>
 */
public final class RedisSentinelExtension extends LocalRedisExtension<RedisTestSentinel> {

	/**
	 * Create the extension.
	 */
	public RedisSentinelExtension() {
		super("a Redis Sentinel setup");
	}

	@Override
	RedisTestSentinel start() {
		return RedisTestSentinel.start();
	}

	@Override
	void reset(RedisTestSentinel setup) {
		setup.heal();
		setup.flushAll();
	}

	/**
	 * Return the Sentinel setup of the running test class.
	 * @return the setup
	 */
	public RedisTestSentinel sentinel() {
		return running();
	}

}
