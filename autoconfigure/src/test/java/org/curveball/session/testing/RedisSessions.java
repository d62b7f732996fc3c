package org.curveball.session.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SessionIdListener;
import org.curveball.session.SessionObserver;
import org.curveball.session.SessionSettings;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.redis.RedisStoreConnection;

/**
 * Sessions kept in a real Redis, seen from both sides: the requests, through a
 * {@link SessionManager} over a {@link RedisSessionStore}, and the raw keys, as another
 * application sharing the Redis (such as Curveball on Node.js) sees them.
 */
public final class RedisSessions implements AutoCloseable {

	public static final SessionSettings SETTINGS = new SessionSettings(Duration.ofHours(1), 128 * 1024);

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Set<String> FIXTURE_COMMANDS = Set.of("config", "config|resetstat", "info");

	private final RedisTestServer server;

	private final RedisStoreConnection connection;

	private final RedisSessionStore store;

	private final SessionManager manager;

	private RedisSessions(RedisTestServer server, SessionSettings settings, Clock clock, SessionIdListener listener) {
		this.server = server;
		this.connection = RedisStoreConnection.open(server);
		this.store = this.connection.store();
		this.manager = new SessionManager(this.store, new SessionCodec(mapper), settings, clock, SessionObserver.NONE,
				listener);
	}

	public static RedisSessions open(RedisTestServer server) {
		return open(server, SETTINGS, Clock.systemUTC());
	}

	public static RedisSessions open(RedisTestServer server, SessionSettings settings, Clock clock) {
		return open(server, settings, clock, SessionIdListener.NONE);
	}

	/**
	 * Open sessions whose manager tells a listener when a session takes a new id or ends.
	 * @param server the Redis server
	 * @param settings expiry and limits
	 * @param clock the clock for the maximum lifetime
	 * @param listener the listener
	 * @return the sessions
	 */
	public static RedisSessions open(RedisTestServer server, SessionSettings settings, Clock clock,
			SessionIdListener listener) {
		return new RedisSessions(server, settings, clock, listener);
	}

	/**
	 * Open the session of a request whose cookie holds the given id.
	 * @param id the id, or {@code null} for a request without a cookie
	 * @return the session
	 */
	public LazySession request(@Nullable String id) {
		return request(id, null);
	}

	/**
	 * Open the session of a request whose cookie holds the given id and that carries a
	 * CSRF token.
	 * @param id the id, or {@code null} for a request without a cookie
	 * @param csrfToken the request's token, or {@code null} for none
	 * @return the session
	 */
	public LazySession request(@Nullable String id, @Nullable String csrfToken) {
		return this.manager.open(id, () -> csrfToken);
	}

	/**
	 * Store a session with a new id directly in Redis, as another application would.
	 * @param json the stored value
	 * @return the session's id
	 */
	public String stored(String json) {
		String id = newId();
		raw().set(RedisStoreConnection.key(id), json, SetArgs.Builder.px(SETTINGS.expiry().toMillis()));
		return id;
	}

	/**
	 * Store a session of the given values with a new id directly in Redis.
	 * @param values the session's values
	 * @return the session's id
	 */
	public String stored(Map<String, ?> values) {
		return stored(mapper.writeValueAsString(values));
	}

	/**
	 * Store a session with a new id whose value is raw bytes, such as text in another
	 * encoding than UTF-8.
	 * @param value the stored bytes
	 * @return the session's id
	 */
	public String storedBytes(byte[] value) {
		String id = newId();
		this.connection.setBytes(id, value);
		return id;
	}

	/**
	 * Return the manager that opens the sessions of {@link #request}.
	 * @return the manager
	 */
	public SessionManager manager() {
		return this.manager;
	}

	public String newId() {
		return this.store.newSessionId();
	}

	/**
	 * Return the raw value of a session's key.
	 * @param id the session id
	 * @return the value, or {@code null} if the key is absent
	 */
	public @Nullable String storedJson(String id) {
		return raw().get(RedisStoreConnection.key(id));
	}

	/**
	 * Return a session's stored values, parsed as any JSON reader would.
	 * @param id the session id
	 * @return the values
	 */
	public Map<String, Object> storedValues(String id) {
		String json = storedJson(id);
		if (json == null) {
			throw new AssertionError("No session is stored under the id");
		}
		return mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	public boolean exists(String id) {
		return raw().exists(RedisStoreConnection.key(id)) == 1;
	}

	public RedisCommands<String, String> raw() {
		return this.server.commands();
	}

	/**
	 * Connect, load the save script into Redis and then reset the command statistics, so
	 * that {@link #commandCalls()} counts only what a test's sessions send, as on a
	 * server that has run for a while.
	 */
	public void warmUp() {
		this.store.replace(newId(), "{}", null, SETTINGS.expiry());
		this.server.resetStats();
	}

	/**
	 * Return the commands Redis ran since {@link #warmUp()}, by lower-case name, without
	 * those the fixture itself sends. Commands that a script runs are counted too, under
	 * their own names.
	 * @return the calls by command name
	 */
	public Map<String, Long> commandCalls() {
		Map<String, Long> calls = new LinkedHashMap<>(this.server.commandCalls());
		calls.keySet().removeAll(FIXTURE_COMMANDS);
		return calls;
	}

	@Override
	public void close() {
		this.connection.close();
	}

}
