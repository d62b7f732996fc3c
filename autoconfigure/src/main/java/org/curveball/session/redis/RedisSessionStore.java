package org.curveball.session.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.curveball.session.MalformedSessionException;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionIdGenerator;
import org.curveball.session.SessionStore;
import org.curveball.session.SessionStoreException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keeps sessions in Redis exactly as Curveball's Redis store does: one string key
 * {@code <prefix>-<id>} per session, holding the session's values as one JSON object and
 * expiring after the idle time.
 * <p>
 * A read is one {@code GETEX … PX} that also restarts the expiry. A save of a session
 * that was read is one script call that writes only if the stored JSON is still the one
 * that was read, and never recreates a deleted session. Every operation touches one key,
 * so the store works on Redis Cluster.
 */
public final class RedisSessionStore implements SessionStore {

	private static final RedisScript<List<Object>> REPLACE_SCRIPT = RedisScript.of(
			new ClassPathResource("org/curveball/session/redis/replace.lua"),
			(Class<List<Object>>) (Class<?>) List.class);

	private static final String REPLACED = "replaced";

	private static final String MISSING = "missing";

	private final StringRedisTemplate redis;

	private final String prefix;

	private final SessionIdGenerator ids;

	/**
	 * Create a store.
	 * @param connectionFactory the connection to Redis
	 * @param prefix the key prefix: sessions are kept under {@code <prefix>-<id>}
	 * @param ids how new session ids are made
	 */
	public RedisSessionStore(RedisConnectionFactory connectionFactory, String prefix, SessionIdGenerator ids) {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.prefix = prefix;
		this.ids = ids;
	}

	/**
	 * Return the Redis key that holds a session.
	 * @param id the session id
	 * @return {@code <prefix>-<id>}
	 */
	public String key(String id) {
		return this.prefix + "-" + id;
	}

	@Override
	public @Nullable String get(String id, Duration expiry) {
		return execute("read", () -> this.redis.opsForValue().getAndExpire(key(id), expiry));
	}

	@Override
	public void set(String id, String json, Duration expiry) {
		execute("write", () -> {
			this.redis.opsForValue().set(key(id), json, expiry);
			return null;
		});
	}

	@Override
	public ReplaceResult replace(String id, String expected, @Nullable String json, Duration expiry) {
		List<Object> reply = execute("save", () -> this.redis.execute(REPLACE_SCRIPT, List.of(key(id)), sha1(expected),
				(json != null) ? json : "", Long.toString(expiry.toMillis())));
		Object status = reply.get(0);
		if (REPLACED.equals(status)) {
			return new ReplaceResult.Replaced();
		}
		if (MISSING.equals(status)) {
			return new ReplaceResult.Missing();
		}
		return new ReplaceResult.Conflict((String) reply.get(1));
	}

	@Override
	public void delete(String id) {
		execute("delete", () -> this.redis.delete(key(id)));
	}

	@Override
	public String newSessionId() {
		return this.ids.generate();
	}

	private <T> T execute(String operation, Supplier<T> command) {
		try {
			return command.get();
		}
		catch (DataAccessException ex) {
			if (isWrongType(ex)) {
				throw new MalformedSessionException("Stored session is a Redis key of another type", ex);
			}
			throw new SessionStoreException("Redis session " + operation + " failed", ex);
		}
	}

	private static boolean isWrongType(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.startsWith("WRONGTYPE")) {
				return true;
			}
		}
		return false;
	}

	private static String sha1(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java platform", ex);
		}
	}

}
