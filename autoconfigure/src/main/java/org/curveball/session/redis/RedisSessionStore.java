package org.curveball.session.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionStore;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.types.Expiration;

/**
 * Keeps sessions in Redis exactly as Curveball's Redis store does: one string key
 * {@code <prefix>-<id>} per session, holding the session's values as one JSON object and
 * expiring after the idle time.
 * <p>
 * A read is one {@code GETEX … PX} that also restarts the expiry. A save of a session
 * that was read is one script call that writes only if the stored JSON is still the one
 * that was read, and never recreates a deleted session. Every operation touches one key,
 * so the store works on Redis Cluster. Commands go straight to a connection of the
 * factory, as bytes: this is on every request's path, and the template layers cost more
 * CPU than the command.
 */
public final class RedisSessionStore implements SessionStore {

	// Loaded once, through this class: see ReplaceScript.load().
	private static final ReplaceScript REPLACE_SCRIPT = ReplaceScript.load();

	private final RedisConnectionFactory connectionFactory;

	private final String prefix;

	private final SessionIdGenerator ids;

	/**
	 * Create a store.
	 * @param connectionFactory the connection to Redis
	 * @param prefix the key prefix: sessions are kept under {@code <prefix>-<id>}
	 * @param ids how new session ids are made
	 */
	public RedisSessionStore(RedisConnectionFactory connectionFactory, String prefix, SessionIdGenerator ids) {
		this.connectionFactory = connectionFactory;
		this.prefix = prefix;
		this.ids = ids;
	}

	/**
	 * Return the connection to Redis, for what is kept beside the sessions.
	 * @return the connection factory
	 */
	public RedisConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	/**
	 * Return the prefix of the keys that hold sessions.
	 * @return the prefix
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Return the Redis key that holds a session.
	 * @param id the session id
	 * @return {@code <prefix>-<id>}
	 */
	public String key(String id) {
		return key(this.prefix, id);
	}

	/**
	 * Return the Redis key that holds a session under a prefix.
	 * @param prefix the key prefix
	 * @param id the session id
	 * @return {@code <prefix>-<id>}
	 */
	public static String key(String prefix, String id) {
		return prefix + "-" + id;
	}

	@Override
	public @Nullable String get(String id, Duration expiry) {
		byte[] json = execute("read", (redis) -> redis.stringCommands().getEx(rawKey(id), idle(expiry)));
		return (json != null) ? StoredText.utf8(json) : null;
	}

	@Override
	public void set(String id, String json, Duration expiry) {
		execute("write", (redis) -> redis.stringCommands()
			.set(rawKey(id), json.getBytes(StandardCharsets.UTF_8), idle(expiry), SetOption.upsert()));
	}

	@Override
	public ReplaceResult replace(String id, String expected, @Nullable String json, Duration expiry) {
		byte[][] args = ReplaceScript.arguments(expected, json, expiry);
		List<byte[]> reply = execute("save",
				(redis) -> REPLACE_SCRIPT.run(redis.scriptingCommands(), rawKey(id), args[0], args[1], args[2]));
		return ReplaceScript.resultOf(reply);
	}

	@Override
	public void delete(String id) {
		execute("delete", (redis) -> redis.keyCommands().del(rawKey(id)));
	}

	/**
	 * Check that Redis answers.
	 * @throws org.curveball.session.SessionStoreException if it does not
	 */
	public void ping() {
		execute("ping", RedisConnection::ping);
	}

	@Override
	public String newSessionId() {
		return this.ids.generate();
	}

	private byte[] rawKey(String id) {
		return key(id).getBytes(StandardCharsets.UTF_8);
	}

	private static Expiration idle(Duration expiry) {
		return Expiration.milliseconds(expiry.toMillis());
	}

	private <T> T execute(String operation, Function<RedisConnection, T> command) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			return command.apply(connection);
		}
		catch (DataAccessException ex) {
			throw RedisErrors.storeFailure(operation, ex);
		}
	}

}
