package org.curveball.session.redis;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.SessionStore;
import org.curveball.session.testing.BlockingCalls;

/**
 * {@link RedisSessionStoreTests} for {@link ReactiveRedisSessionStore}: the same
 * contract, keys, JSON, TTLs, script and failures, through the reactive connection.
 */
class ReactiveRedisSessionStoreTests extends RedisSessionStoreTests {

	@Override
	protected SessionStore store(String prefix) {
		return new BlockingCalls(new ReactiveRedisSessionStore(connection().connectionFactory(), prefix,
				new SecureRandomSessionIdGenerator(), RedisStoreConnection.COMMAND_TIMEOUT));
	}

}
