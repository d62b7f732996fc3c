package org.curveball.session.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.curveball.session.SecureRandomSessionIdGenerator;
import org.curveball.session.testing.RedisTestCluster;
import org.curveball.session.testing.RedisTestServer;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Lettuce connection to a test server or cluster, as an application configures one, and
 * the {@link RedisSessionStore}s over it. Close it when the test class is done.
 */
public final class RedisStoreConnection implements AutoCloseable {

	/**
	 * The key prefix of {@link #store()}.
	 */
	public static final String PREFIX = "session";

	/**
	 * How long a command waits for a server that does not answer.
	 */
	public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

	private final LettuceConnectionFactory connectionFactory;

	private RedisStoreConnection(LettuceConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/**
	 * Connect to a test server.
	 * @param server the server
	 * @return the connection
	 */
	public static RedisStoreConnection open(RedisTestServer server) {
		return open(
				new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()), client()));
	}

	/**
	 * Connect to a test cluster.
	 * @param cluster the cluster
	 * @return the connection
	 */
	public static RedisStoreConnection open(RedisTestCluster cluster) {
		return open(new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of(cluster.nodeAddresses().split(","))), client()));
	}

	private static LettuceClientConfiguration client() {
		return LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT).build();
	}

	private static RedisStoreConnection open(LettuceConnectionFactory connectionFactory) {
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		return new RedisStoreConnection(connectionFactory);
	}

	/**
	 * Return the connection factory, for other users of the same Redis.
	 * @return the connection factory
	 */
	public LettuceConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	/**
	 * Return a store with the default prefix.
	 * @return the store
	 */
	public RedisSessionStore store() {
		return store(PREFIX);
	}

	/**
	 * Return a store with the given prefix.
	 * @param prefix the key prefix
	 * @return the store
	 */
	public RedisSessionStore store(String prefix) {
		return new RedisSessionStore(this.connectionFactory, prefix, new SecureRandomSessionIdGenerator());
	}

	/**
	 * Return the Redis key of a session of {@link #store()}.
	 * @param id the session id
	 * @return the key
	 */
	public static String key(String id) {
		return PREFIX + "-" + id;
	}

	/**
	 * Store raw bytes under a session's key, as a client that does not write UTF-8 text
	 * might.
	 * @param id the session id
	 * @param value the bytes
	 */
	public void setBytes(String id, byte[] value) {
		try (RedisConnection redis = this.connectionFactory.getConnection()) {
			redis.stringCommands().set(key(id).getBytes(StandardCharsets.UTF_8), value);
		}
	}

	@Override
	public void close() {
		this.connectionFactory.destroy();
	}

}
