package org.curveball.session.principal.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStoreException;
import org.curveball.session.principal.IndexedSession;
import org.curveball.session.principal.PrincipalSessionIndex;
import org.curveball.session.principal.SignInConflictException;
import org.curveball.session.redis.RedisSessionStore;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.util.StreamUtils;

/**
 * The index of each principal's sessions in Redis: one hash per principal under
 * {@code <prefix>:principal:<name>}, whose fields are the ids of the principal's sessions
 * and whose values say when the principal signed in and from what device, as
 * {@code {"signedIn":<epoch ms>,"device":"<User-Agent>"}}, or {@code {"expired":true}}
 * for a session that is being signed out and no longer counts.
 * <p>
 * A session key is {@code <prefix>-<id>}: the character after the prefix tells the two
 * apart, so no cookie value can name an index key, here or in a Curveball service that
 * shares the Redis. The name is percent-encoded (UTF-8, all but letters, digits and
 * {@code -._~}), so that any name makes one key, and none holds a Redis Cluster hash tag.
 * Every command touches one key, so the index works on Redis Cluster; times come from the
 * Redis server's clock, the same for every instance.
 * <p>
 * A listing reads the hash, then asks each session's remaining expiry ({@code PTTL}),
 * which tells whether it still exists and when it was last used. An entry whose session
 * is gone is removed, unless it was added less than the sign-in grace ago: its sign-in is
 * still being saved. With a maximum lifetime, the hash expires that long after its last
 * sign-in, when every session in it has ended; without one, the hash of a principal who
 * never comes back stays, holding the entries of sessions that ended.
 */
public final class RedisPrincipalSessionIndex implements PrincipalSessionIndex {

	/**
	 * How long after a sign-in its entry counts as a session whose sign-in is still being
	 * saved, while its session is not stored yet.
	 */
	public static final Duration DEFAULT_SIGN_IN_GRACE = Duration.ofSeconds(10);

	private static final byte[] LIST = script("list.lua");

	private static final byte[] ADD = script("add.lua");

	private static final byte[] FOLLOW = script("follow.lua");

	private static final byte[] CONFLICT = "conflict".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EXPIRED = "{\"expired\":true}".getBytes(StandardCharsets.US_ASCII);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

	private final RedisConnectionFactory connectionFactory;

	private final String prefix;

	private final Duration expiry;

	private final byte[] indexExpiry;

	private final Duration signInGrace;

	/**
	 * Create the index of the sessions of a store.
	 * @param connectionFactory the connection to the Redis of the sessions
	 * @param prefix the key prefix of the sessions
	 * @param settings the sessions' idle expiry and maximum lifetime
	 */
	public RedisPrincipalSessionIndex(RedisConnectionFactory connectionFactory, String prefix,
			SessionSettings settings) {
		this(connectionFactory, prefix, settings, DEFAULT_SIGN_IN_GRACE);
	}

	/**
	 * Create the index of the sessions of a store.
	 * @param connectionFactory the connection to the Redis of the sessions
	 * @param prefix the key prefix of the sessions
	 * @param settings the sessions' idle expiry and maximum lifetime
	 * @param signInGrace how long after a sign-in its entry counts while its session is
	 * not stored yet
	 */
	public RedisPrincipalSessionIndex(RedisConnectionFactory connectionFactory, String prefix, SessionSettings settings,
			Duration signInGrace) {
		this.connectionFactory = connectionFactory;
		this.prefix = prefix;
		this.expiry = settings.expiry();
		Duration maxLifetime = settings.maxLifetime();
		this.indexExpiry = ascii((maxLifetime != null) ? Long.toString(maxLifetime.toMillis()) : "0");
		this.signInGrace = signInGrace;
	}

	/**
	 * Return the Redis key of a principal's sessions.
	 * @param principal the principal's name
	 * @return {@code <prefix>:principal:<percent-encoded name>}
	 */
	public String key(String principal) {
		StringBuilder key = new StringBuilder(this.prefix).append(":principal:");
		for (byte b : principal.getBytes(StandardCharsets.UTF_8)) {
			if (UNRESERVED.indexOf(b) >= 0) {
				key.append((char) b);
			}
			else {
				key.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
				key.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return key.toString();
	}

	@Override
	public List<IndexedSession> sessions(String principal) {
		byte[] key = utf8(key(principal));
		return execute("listing", (redis) -> {
			List<Object> reply = redis.scriptingCommands().eval(LIST, ReturnType.MULTI, 1, key);
			List<?> time = (List<?>) reply.get(0);
			Instant now = Instant.ofEpochSecond(Long.parseLong(text(time.get(0))),
					Long.parseLong(text(time.get(1))) * 1000);
			List<?> fields = (List<?>) reply.get(1);
			List<IndexedSession> sessions = new ArrayList<>();
			List<byte[]> ended = new ArrayList<>();
			for (int i = 0; i < fields.size(); i += 2) {
				String id = text(fields.get(i));
				byte[] entry = (byte[]) fields.get(i + 1);
				if (Arrays.equals(EXPIRED, entry)) {
					if (!exists(redis, id)) {
						ended.add((byte[]) fields.get(i));
					}
					continue;
				}
				IndexedSession session = judge(redis, id, entry, now);
				if (session != null) {
					sessions.add(session);
				}
				else {
					ended.add((byte[]) fields.get(i));
				}
			}
			if (!ended.isEmpty()) {
				redis.hashCommands().hDel(key, ended.toArray(byte[][]::new));
			}
			sessions.sort(Comparator.comparing(IndexedSession::signedIn));
			return sessions;
		});
	}

	/**
	 * Tell what an entry stands for: a session that exists, one whose sign-in is still
	 * being saved, or one that ended.
	 * @param redis the connection
	 * @param id the session's id
	 * @param entry the entry's JSON
	 * @param now the Redis server's time
	 * @return the session, or {@code null} if it ended
	 */
	private @Nullable IndexedSession judge(RedisConnection redis, String id, byte[] entry, Instant now) {
		Instant signedIn = Instant.EPOCH;
		String device = null;
		try {
			JsonNode node = JSON.readTree(entry);
			signedIn = Instant.ofEpochMilli(node.path("signedIn").asLong(0));
			device = node.path("device").isString() ? node.path("device").asString() : null;
		}
		catch (JacksonException ex) {
			// An entry that is not ours counts as signed in long ago: its session
			// decides.
		}
		Long remaining = redis.keyCommands().pTtl(sessionKey(id));
		if (remaining == null || remaining == -2) {
			boolean signingIn = now.isBefore(signedIn.plus(this.signInGrace));
			return signingIn ? new IndexedSession(id, signedIn, signedIn, device) : null;
		}
		Instant lastAccessed = (remaining >= 0) ? now.minus(this.expiry).plusMillis(remaining) : now;
		return new IndexedSession(id, signedIn, lastAccessed.isBefore(signedIn) ? signedIn : lastAccessed, device);
	}

	@Override
	public void add(String principal, String sessionId, @Nullable String device, @Nullable Collection<String> listed) {
		List<byte[]> args = new ArrayList<>();
		args.add(utf8(key(principal)));
		args.add(utf8(sessionId));
		args.add(utf8((device != null)
				? "," + JSON.writeValueAsString(JSON.createObjectNode().put("device", device)).substring(1) : "}"));
		args.add(this.indexExpiry);
		args.add(ascii((listed != null) ? "1" : "0"));
		if (listed != null) {
			listed.forEach((id) -> args.add(utf8(id)));
		}
		byte[] status = execute("sign-in",
				(redis) -> redis.scriptingCommands().eval(ADD, ReturnType.VALUE, 1, args.toArray(byte[][]::new)));
		if (Arrays.equals(CONFLICT, status)) {
			throw new SignInConflictException(
					"Another sign-in of the same user was added since this one checked the user's sessions");
		}
	}

	@Override
	public void expire(String principal, String sessionId) {
		execute("expiry", (redis) -> redis.hashCommands().hSet(utf8(key(principal)), utf8(sessionId), EXPIRED));
	}

	@Override
	public void follow(String principal, @Nullable String previousId, String sessionId) {
		execute("follow",
				(redis) -> redis.scriptingCommands()
					.eval(FOLLOW, ReturnType.VALUE, 1, utf8(key(principal)),
							utf8((previousId != null) ? previousId : ""), utf8(sessionId), this.indexExpiry));
	}

	@Override
	public void remove(String principal, Collection<String> sessionIds) {
		byte[][] fields = sessionIds.stream().map(RedisPrincipalSessionIndex::utf8).toArray(byte[][]::new);
		execute("removal", (redis) -> redis.hashCommands().hDel(utf8(key(principal)), fields));
	}

	private boolean exists(RedisConnection redis, String id) {
		return Boolean.TRUE.equals(redis.keyCommands().exists(sessionKey(id)));
	}

	private byte[] sessionKey(String id) {
		return utf8(RedisSessionStore.key(this.prefix, id));
	}

	private <T> T execute(String operation, Function<RedisConnection, T> command) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			return command.apply(connection);
		}
		catch (DataAccessException ex) {
			throw new SessionStoreException("Redis principal sessions " + operation + " failed", ex);
		}
	}

	private static byte[] script(String name) {
		try {
			return StreamUtils
				.copyToByteArray(new ClassPathResource(name, RedisPrincipalSessionIndex.class).getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(Object reply) {
		return new String((byte[]) reply, StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
