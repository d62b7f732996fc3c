package org.curveball.session.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.AbstractSessionStoreTests;
import org.curveball.session.MalformedSessionException;
import org.curveball.session.ReplaceResult;
import org.curveball.session.SessionStore;
import org.curveball.session.SessionStoreException;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link AbstractSessionStoreTests} for {@link RedisSessionStore} against a real Redis,
 * plus what is on the wire (Curveball's keys, JSON strings and TTLs) and how Redis
 * failures surface.
 */
class RedisSessionStoreTests extends AbstractRedisSessionStoreTests {

	@Override
	protected RedisStoreConnection connectToRedis() {
		return RedisStoreConnection.open(redis.server());
	}

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	private static final String JSON = "{\"userId\":5}";

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static RedisCommands<String, String> raw() {
		return redis.server().commands();
	}

	@Test
	void set_storesJsonStringUnderPrefixDashId() {
		String id = storedSession(JSON);
		assertThat(raw().keys("*")).containsExactly("session-" + id);
		assertThat(raw().type("session-" + id)).isEqualTo("string");
		assertThat(raw().get("session-" + id)).isEqualTo(JSON);
	}

	@Test
	void set_customPrefix_storesUnderThatPrefix() {
		SessionStore custom = store("mysess");
		String id = custom.newSessionId();
		custom.set(id, JSON, LONG_EXPIRY);
		assertThat(RedisSessionStore.key("mysess", id)).isEqualTo("mysess-" + id);
		assertThat(raw().keys("*")).containsExactly("mysess-" + id);
	}

	@Test
	void set_keyTtlIsExpiry() {
		String id = this.store.newSessionId();
		this.store.set(id, JSON, Duration.ofSeconds(7200));
		assertThat(raw().pttl(RedisStoreConnection.key(id))).isBetween(7_190_000L, 7_200_000L);
	}

	@Test
	void get_restartsKeyTtl() {
		String id = this.store.newSessionId();
		this.store.set(id, JSON, Duration.ofSeconds(10));
		this.store.get(id, LONG_EXPIRY);
		assertThat(raw().pttl(RedisStoreConnection.key(id))).isGreaterThan(LONG_EXPIRY.minusSeconds(10).toMillis());
	}

	@Test
	void replace_keyTtlIsExpiry() {
		String id = storedSession(JSON);
		this.store.replace(id, JSON, "{\"userId\":6}", Duration.ofSeconds(60));
		assertThat(raw().pttl(RedisStoreConnection.key(id))).isBetween(50_000L, 60_000L);
	}

	@Test
	void set_shortExpiry_keyLeavesRedis() {
		String id = this.store.newSessionId();
		this.store.set(id, JSON, SHORT_EXPIRY);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> raw().exists(RedisStoreConnection.key(id)) == 0);
	}

	@Test
	void get_sessionWrittenByAnotherClient_returnsItsJson() {
		String id = this.store.newSessionId();
		raw().set(RedisStoreConnection.key(id), JSON, SetArgs.Builder.ex(3600));
		assertThat(this.store.get(id, LONG_EXPIRY)).isEqualTo(JSON);
	}

	@Test
	void get_keyOfAnotherType_throwsMalformedSessionException() {
		String id = this.store.newSessionId();
		raw().hset(RedisStoreConnection.key(id), "userId", "5");
		assertThatExceptionOfType(MalformedSessionException.class).isThrownBy(() -> this.store.get(id, LONG_EXPIRY))
			.withMessageNotContaining(id);
	}

	@Test
	void get_valueNotUtf8_throwsMalformedSessionException() {
		String id = this.store.newSessionId();
		connection().setBytes(id, "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(MalformedSessionException.class).isThrownBy(() -> this.store.get(id, LONG_EXPIRY))
			.withMessageNotContaining(id);
	}

	@Test
	void replace_scriptUnknownToServer_sendsItWholeAndReplaces() {
		String id = storedSession(JSON);
		raw().scriptFlush();
		assertThat(this.store.replace(id, JSON, "{\"userId\":6}", LONG_EXPIRY)).isEqualTo(new ReplaceResult.Replaced());
		assertThat(raw().get(RedisStoreConnection.key(id))).isEqualTo("{\"userId\":6}");
		assertThat(this.store.replace(id, "{\"userId\":6}", "{\"userId\":7}", LONG_EXPIRY))
			.isEqualTo(new ReplaceResult.Replaced());
		assertThat(raw().get(RedisStoreConnection.key(id))).isEqualTo("{\"userId\":7}");
	}

	@Test
	void replace_currentValueNotUtf8_throwsMalformedSessionException() {
		String id = this.store.newSessionId();
		connection().setBytes(id, "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(MalformedSessionException.class)
			.isThrownBy(() -> this.store.replace(id, JSON, "{\"userId\":6}", LONG_EXPIRY));
	}

	@Test
	void get_valueWithReplacementCharacterInUtf8_returnsIt() {
		String json = "{\"name\":\"\uFFFD\"}";
		String id = storedSession(json);
		assertThat(this.store.get(id, LONG_EXPIRY)).isEqualTo(json);
		assertThat(this.store.replace(id, json, JSON, LONG_EXPIRY)).isEqualTo(new ReplaceResult.Replaced());
	}

	@Test
	void redisStopped_everyOperationThrowsSessionStoreException_andWorksAgainAfterStart() {
		String id = storedSession(JSON);
		redis.server().stop();
		assertThatExceptionOfType(SessionStoreException.class).isThrownBy(() -> this.store.get(id, LONG_EXPIRY))
			.withMessageNotContaining(id);
		assertThatExceptionOfType(SessionStoreException.class).isThrownBy(() -> this.store.set(id, JSON, LONG_EXPIRY));
		assertThatExceptionOfType(SessionStoreException.class)
			.isThrownBy(() -> this.store.replace(id, JSON, null, LONG_EXPIRY));
		assertThatExceptionOfType(SessionStoreException.class).isThrownBy(() -> this.store.delete(id));
		redis.server().start();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptionsInstanceOf(SessionStoreException.class)
			.untilAsserted(() -> assertThat(this.store.get(id, LONG_EXPIRY)).isNull());
		this.store.set(id, JSON, LONG_EXPIRY);
		assertThat(this.store.get(id, LONG_EXPIRY)).isEqualTo(JSON);
	}

}
