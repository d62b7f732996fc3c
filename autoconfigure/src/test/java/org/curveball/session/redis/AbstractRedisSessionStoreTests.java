package org.curveball.session.redis;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.curveball.session.AbstractSessionStoreTests;
import org.curveball.session.SessionStore;

/**
 * {@link AbstractSessionStoreTests} for the Redis stores on a real Redis, where time
 * passes as it does for Redis's expiry: a test class says which Redis (a server, a
 * cluster) the store connects to.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class AbstractRedisSessionStoreTests extends AbstractSessionStoreTests {

	private RedisStoreConnection connection;

	/**
	 * The store under test, over the test class's Redis.
	 */
	protected SessionStore store;

	@BeforeAll
	void connect() {
		this.connection = connectToRedis();
		this.store = store(RedisStoreConnection.PREFIX);
	}

	@AfterAll
	void disconnect() {
		this.connection.close();
	}

	/**
	 * Return the connection the store uses.
	 * @return the connection
	 */
	protected RedisStoreConnection connection() {
		return this.connection;
	}

	/**
	 * Return the store under test.
	 * @param prefix the key prefix
	 * @return the store, over {@link #connection()}
	 */
	protected SessionStore store(String prefix) {
		return this.connection.store(prefix);
	}

	/**
	 * Connect to the test class's Redis.
	 * @return the connection
	 */
	protected abstract RedisStoreConnection connectToRedis();

	@Override
	protected SessionStore store() {
		return this.store;
	}

	@Override
	protected void elapse(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
