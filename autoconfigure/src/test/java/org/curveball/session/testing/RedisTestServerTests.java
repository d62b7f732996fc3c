package org.curveball.session.testing;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RedisTestServer} and {@link RedisServerExtension}.
 */
@PersistentRedis
class RedisTestServerTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	@Test
	void restart_persistentServer_keepsData() {
		redis.commands().set("key", "value");
		redis.stop();
		redis.start();
		assertThat(redis.commands().get("key")).isEqualTo("value");
	}

	@Test
	void restart_volatileServer_losesDataAndKeepsPort() {
		try (RedisTestServer server = RedisTestServer.startNew()) {
			int port = server.port();
			server.commands().set("key", "value");
			server.restart();
			assertThat(server.commands().get("key")).isNull();
			assertThat(server.port()).isEqualTo(port);
		}
	}

	@Test
	void stop_thenCommand_failsWithConnectionError() {
		redis.stop();
		assertThatExceptionOfType(RedisConnectionException.class).isThrownBy(() -> redis.commands().ping());
	}

	@Test
	void commands_heldAcrossRestart_reconnect() {
		RedisCommands<String, String> commands = redis.commands();
		commands.set("key", "value");
		redis.restart();
		assertThat(commands.get("key")).isEqualTo("value");
	}

	@Test
	void commandCalls_afterSet_countsTheSet() {
		redis.commands().set("key", "value");
		assertThat(redis.commandCalls()).containsEntry("set", 1L);
	}

	@Test
	void resetStats_forgetsEarlierCalls() {
		redis.commands().set("key", "value");
		redis.resetStats();
		assertThat(redis.commandCalls()).doesNotContainKey("set");
	}

	@Test
	void flushAll_deletesEveryKey() {
		redis.commands().set("key", "value");
		redis.flushAll();
		assertThat(redis.commands().dbsize()).isZero();
	}

}
