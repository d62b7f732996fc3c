package org.curveball.session.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests that open sessions through the engine over a Redis server of the test
 * class's own, and look at its raw keys.
 */
public abstract class AbstractRedisSessionsTests {

	/**
	 * The test class's Redis server.
	 */
	@RegisterExtension
	protected static final RedisServerExtension redis = new RedisServerExtension();

	/**
	 * Sessions over that server, opened before the class's first test.
	 */
	protected static RedisSessions sessions;

	@BeforeAll
	static void openSessions() {
		sessions = RedisSessions.open(redis.server());
		sessions.warmUp();
	}

	@AfterAll
	static void closeSessions() {
		sessions.close();
	}

}
