package org.curveball.bench.commandsonly;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.GetExArgs;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.curveball.bench.BenchController;
import org.curveball.bench.SessionAccess;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The floor: the starter's Redis commands, and nothing of a session. A read sends one
 * {@code GETEX … PX}, a write that {@code GETEX} and one {@code EVALSHA} of a
 * compare-and-set script, through the same connection path as the starter's store (a
 * connection of Boot's factory, raw bytes). There is no JSON, no cookie codec, no change
 * detection, no group commit (concurrent writes of one session conflict and answer 409:
 * use it with {@code SESSIONS=256} for writes); the value is the counter as decimal
 * text. What the starter costs above this application is its own; what this application
 * costs above the one without sessions is the command budget on this client, which no
 * implementation of that budget avoids through Spring Data's connections. With
 * {@code floor.native=true} ({@code commands-only-native} in {@code run.sh}) the same
 * commands go through Lettuce's own API on the factory's shared connection instead.
 */
@SpringBootApplication
public class CommandsOnlyApp {

	public static void main(String[] args) {
		SpringApplication.run(CommandsOnlyApp.class, args);
	}

	@RestController
	static class Controller extends BenchController<HttpServletRequest> {

		Controller(RedisConnectionFactory connectionFactory, @Value("${floor.native:false}") boolean lettuceNative) {
			super(new Commands(lettuceNative ? new LettuceNativeRedis((LettuceConnectionFactory) connectionFactory)
					: new SpringDataRedis(connectionFactory)));
		}

	}

	/** One key per session, {@code floor-<id>}, the id in the cookie {@code FLOOR}. */
	static final class Commands implements SessionAccess<HttpServletRequest> {

		private static final String COOKIE = "FLOOR";

		private static final String READ_VALUE = Commands.class.getName() + ".read";

		private final SecureRandom random = new SecureRandom();

		private final FloorRedis redis;

		Commands(FloorRedis redis) {
			this.redis = redis;
		}

		@Override
		public Object read(HttpServletRequest request, String key) {
			String id = id(request);
			if (id == null) {
				return null;
			}
			byte[] value = this.redis.getEx(key(id));
			if (value == null) {
				return null;
			}
			request.setAttribute(READ_VALUE, value);
			return Integer.parseInt(new String(value, StandardCharsets.US_ASCII));
		}

		@Override
		public void write(HttpServletRequest request, String key, Object value) {
			byte[] next = value.toString().getBytes(StandardCharsets.US_ASCII);
			String id = id(request);
			byte[] expected = (byte[]) request.getAttribute(READ_VALUE);
			if (id == null || expected == null) {
				id = newId();
				this.redis.set(key(id), next);
				response().addCookie(cookie(id));
				return;
			}
			if (!this.redis.replace(key(id), expected, next)) {
				// no merge and no retry here: a conflict is an error in wrk's count
				throw new ResponseStatusException(HttpStatus.CONFLICT, "the session changed since it was read");
			}
		}

		private String newId() {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

		private static String id(HttpServletRequest request) {
			Cookie[] cookies = request.getCookies();
			if (cookies != null) {
				for (Cookie cookie : cookies) {
					if (COOKIE.equals(cookie.getName())) {
						return cookie.getValue();
					}
				}
			}
			return null;
		}

		private static byte[] key(String id) {
			return ("floor-" + id).getBytes(StandardCharsets.US_ASCII);
		}

		private static Cookie cookie(String id) {
			Cookie cookie = new Cookie(COOKIE, id);
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			return cookie;
		}

		private static HttpServletResponse response() {
			return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
		}

	}

	/** The three commands, over one client path or another. */
	interface FloorRedis {

		long IDLE_MILLIS = 30 * 60 * 1000L;

		/** {@link #IDLE_MILLIS} as the script's argument; never modified. */
		byte[] IDLE_MILLIS_ARGUMENT = Long.toString(IDLE_MILLIS).getBytes(StandardCharsets.US_ASCII);

		/** Sets the key to ARGV[2] for ARGV[3] ms if it still holds ARGV[1]. */
		byte[] SCRIPT = """
				if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
				redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
				return 1
				""".getBytes(StandardCharsets.UTF_8);

		byte[] getEx(byte[] key);

		void set(byte[] key, byte[] value);

		boolean replace(byte[] key, byte[] expected, byte[] value);

	}

	/** As the starter's store: a connection of the factory for each command. */
	static final class SpringDataRedis implements FloorRedis {

		private static final Expiration IDLE = Expiration.milliseconds(IDLE_MILLIS);

		private final RedisConnectionFactory connectionFactory;

		private final byte[] scriptSha1;

		SpringDataRedis(RedisConnectionFactory connectionFactory) {
			this.connectionFactory = connectionFactory;
			try (RedisConnection redis = connectionFactory.getConnection()) {
				this.scriptSha1 = redis.scriptingCommands().scriptLoad(SCRIPT).getBytes(StandardCharsets.US_ASCII);
			}
		}

		@Override
		public byte[] getEx(byte[] key) {
			try (RedisConnection redis = this.connectionFactory.getConnection()) {
				return redis.stringCommands().getEx(key, IDLE);
			}
		}

		@Override
		public void set(byte[] key, byte[] value) {
			try (RedisConnection redis = this.connectionFactory.getConnection()) {
				redis.stringCommands().set(key, value, IDLE, SetOption.upsert());
			}
		}

		@Override
		public boolean replace(byte[] key, byte[] expected, byte[] value) {
			try (RedisConnection redis = this.connectionFactory.getConnection()) {
				Long replaced = redis.scriptingCommands()
					.evalSha(this.scriptSha1, ReturnType.INTEGER, 1, key, expected, value, IDLE_MILLIS_ARGUMENT);
				return replaced != null && replaced == 1L;
			}
		}

	}

	/**
	 * Variant {@code commands-only-native}: Lettuce's own API on the factory's shared
	 * connection, taken once, without a Spring Data connection object (and the factory's
	 * lock) per command.
	 */
	static final class LettuceNativeRedis implements FloorRedis {

		private final RedisClusterAsyncCommands<byte[], byte[]> redis;

		private final String scriptSha1;

		LettuceNativeRedis(LettuceConnectionFactory connectionFactory) {
			this.redis = ((LettuceConnection) connectionFactory.getConnection()).getNativeConnection();
			this.scriptSha1 = await(this.redis.scriptLoad(SCRIPT));
		}

		@Override
		public byte[] getEx(byte[] key) {
			return await(this.redis.getex(key, GetExArgs.Builder.px(IDLE_MILLIS)));
		}

		@Override
		public void set(byte[] key, byte[] value) {
			await(this.redis.set(key, value, SetArgs.Builder.px(IDLE_MILLIS)));
		}

		@Override
		public boolean replace(byte[] key, byte[] expected, byte[] value) {
			Long replaced = await(this.redis.evalsha(this.scriptSha1, ScriptOutputType.INTEGER, new byte[][] { key },
					expected, value, IDLE_MILLIS_ARGUMENT));
			return replaced != null && replaced == 1L;
		}

		private static <T> T await(RedisFuture<T> future) {
			return LettuceFutures.awaitOrCancel(future, 60, TimeUnit.SECONDS);
		}

	}

}
