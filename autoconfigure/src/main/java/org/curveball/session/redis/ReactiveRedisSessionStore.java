package org.curveball.session.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.curveball.session.AsyncSessionStore;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionIdGenerator;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveScriptingCommands;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.types.Expiration;

/**
 * Keeps sessions in Redis as {@link RedisSessionStore} does (the same keys, JSON, expiry
 * and compare-and-set script, the same commands), over a reactive connection, so that no
 * call blocks the calling thread.
 * <p>
 * The connection is opened once, off the calling thread, and kept: Lettuce's connection
 * reconnects by itself when Redis comes back. Every operation fails with
 * {@link org.curveball.session.SessionStoreException} when Redis does not answer within
 * the timeout.
 */
public final class ReactiveRedisSessionStore implements AsyncSessionStore {

	private static final ReplaceScript REPLACE_SCRIPT = ReplaceScript.load();

	private static final ByteBuffer REPLACE_SCRIPT_SOURCE = ByteBuffer.wrap(REPLACE_SCRIPT.source()).asReadOnlyBuffer();

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String prefix;

	private final SessionIdGenerator ids;

	private final Duration timeout;

	private final AtomicReference<@Nullable ReactiveRedisConnection> connection = new AtomicReference<>();

	/**
	 * Create a store.
	 * @param connectionFactory the connection to Redis
	 * @param prefix the key prefix: sessions are kept under {@code <prefix>-<id>}
	 * @param ids how new session ids are made
	 * @param timeout how long an operation, opening the connection included, may take
	 * before it fails
	 */
	public ReactiveRedisSessionStore(ReactiveRedisConnectionFactory connectionFactory, String prefix,
			SessionIdGenerator ids, Duration timeout) {
		this.connectionFactory = connectionFactory;
		this.prefix = prefix;
		this.ids = ids;
		this.timeout = timeout;
	}

	@Override
	public CompletableFuture<@Nullable String> get(String id, Duration expiry) {
		return execute("read",
				(redis) -> redis.stringCommands()
					.getEx(rawKey(id), idle(expiry))
					.map((json) -> StoredText.utf8(StoredText.bytes(json))));
	}

	@Override
	public CompletableFuture<Void> set(String id, String json, Duration expiry) {
		return execute("write",
				(redis) -> redis.stringCommands()
					.set(rawKey(id), ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), idle(expiry),
							SetOption.upsert())
					.then());
	}

	@Override
	public CompletableFuture<ReplaceResult> replace(String id, String expected, @Nullable String json,
			Duration expiry) {
		byte[][] args = ReplaceScript.arguments(expected, json, expiry);
		byte[] key = RedisSessionStore.key(this.prefix, id).getBytes(StandardCharsets.UTF_8);
		return execute("save", (redis) -> replace(redis.scriptingCommands(), key, args[0], args[1], args[2])
			.map(ReplaceScript::resultOf));
	}

	@Override
	public CompletableFuture<Void> delete(String id) {
		return execute("delete", (redis) -> redis.keyCommands().del(rawKey(id)).then());
	}

	/**
	 * Check that Redis answers.
	 * @return completes when it did; fails with
	 * {@link org.curveball.session.SessionStoreException} if it does not
	 */
	public Mono<Void> ping() {
		return Mono.fromFuture(() -> execute("ping", (redis) -> redis.ping().then()));
	}

	@Override
	public String newSessionId() {
		return this.ids.generate();
	}

	/**
	 * Run the save script on one key: by its SHA-1, and whole when the server does not
	 * know it yet, as {@link ReplaceScript} does on a blocking connection.
	 * @param scripting the connection's scripting commands
	 * @param keyAndArgs the key, then the script's arguments
	 * @return the script's reply, one element per value it returned
	 */
	private static Mono<List<byte[]>> replace(ReactiveScriptingCommands scripting, byte[]... keyAndArgs) {
		ByteBuffer[] buffers = Arrays.stream(keyAndArgs).map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
		return reply(scripting.evalSha(REPLACE_SCRIPT.sha1(), ReturnType.MULTI, 1, buffers)).onErrorResume(
				(ex) -> RedisErrors.isReply(ex, "NOSCRIPT"),
				(ex) -> reply(scripting.eval(REPLACE_SCRIPT_SOURCE.duplicate(), ReturnType.MULTI, 1, buffers)));
	}

	private static Mono<List<byte[]>> reply(Flux<Object> values) {
		return values.flatMapIterable((value) -> (value instanceof List<?> list) ? list : List.of(value))
			.map((value) -> (value instanceof ByteBuffer buffer) ? StoredText.bytes(buffer) : (byte[]) value)
			.collectList();
	}

	private ByteBuffer rawKey(String id) {
		return ByteBuffer.wrap(RedisSessionStore.key(this.prefix, id).getBytes(StandardCharsets.UTF_8));
	}

	private static Expiration idle(Duration expiry) {
		return Expiration.milliseconds(expiry.toMillis());
	}

	private <T> CompletableFuture<T> execute(String operation, Function<ReactiveRedisConnection, Mono<T>> command) {
		return connection().flatMap(command)
			.timeout(this.timeout)
			.onErrorMap((ex) -> ex instanceof DataAccessException || ex instanceof TimeoutException,
					(ex) -> RedisErrors.storeFailure(operation, ex))
			.toFuture();
	}

	private Mono<ReactiveRedisConnection> connection() {
		ReactiveRedisConnection open = this.connection.get();
		if (open != null) {
			return Mono.just(open);
		}
		return Mono.fromCallable(this.connectionFactory::getReactiveConnection)
			.subscribeOn(Schedulers.boundedElastic())
			.map((created) -> this.connection.compareAndSet(null, created) ? created : this.connection.get());
	}

}
