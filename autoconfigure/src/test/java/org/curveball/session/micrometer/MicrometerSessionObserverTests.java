package org.curveball.session.micrometer;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStoreException;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionCommit;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.redis.RedisStoreConnection;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The meters a user can graph, fed by sessions over a real Redis.
 */
class MicrometerSessionObserverTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private RedisStoreConnection connection;

	private SessionManager sessions;

	@BeforeEach
	void openSessions() {
		this.connection = RedisStoreConnection.open(redis.server());
		this.sessions = new SessionManager(this.connection.store(), new SessionCodec(JsonMapper.builder().build()),
				new SessionSettings(Duration.ofHours(1), 128 * 1024), Clock.systemUTC(),
				new MicrometerSessionObserver(this.registry));
	}

	@AfterEach
	void close() {
		this.connection.close();
	}

	@Test
	void lifecycle_countsCreatedRegeneratedAndEndedSessions() {
		String id = created("user", "ada");
		LazySession login = this.sessions.open(id, () -> null);
		login.regenerateId();
		String regenerated = login.commit().id();
		LazySession logout = this.sessions.open(regenerated, () -> null);
		logout.invalidate();
		logout.commit();

		assertThat(count("curveball.session.created")).isEqualTo(1);
		assertThat(count("curveball.session.regenerated")).isEqualTo(1);
		assertThat(count("curveball.session.ended")).isEqualTo(1);
	}

	@Test
	void storeOperations_areTimedWithTheirOutcome() {
		String id = created("visits", 1);
		LazySession read = this.sessions.open(id, () -> null);
		read.put("visits", 2);
		read.commit();
		this.sessions.open(this.connection.store().newSessionId(), () -> null).isEmpty();

		assertThat(timerCount("save", "saved")).isEqualTo(2);
		assertThat(timerCount("load", "hit")).isEqualTo(1);
		assertThat(timerCount("load", "miss")).isEqualTo(1);
	}

	@Test
	void concurrentSave_countsTheConflictAndTheRetriedSave() {
		String id = created("a", 1);
		// another instance: this one's saves take turns and start from its own last write
		SessionManager otherInstance = new SessionManager(this.connection.store(),
				new SessionCodec(JsonMapper.builder().build()), new SessionSettings(Duration.ofHours(1), 128 * 1024),
				Clock.systemUTC());
		LazySession first = otherInstance.open(id, () -> null);
		LazySession second = this.sessions.open(id, () -> null);
		first.put("b", 2);
		second.put("c", 3);
		first.commit();
		second.commit();

		assertThat(count("curveball.session.save.conflicts")).isEqualTo(1);
		assertThat(timerCount("save", "conflict")).isEqualTo(1);
	}

	@Test
	void storeDown_isTimedAsAnError() {
		String id = created("a", 1);
		redis.stop();
		try {
			assertThatExceptionOfType(SessionStoreException.class)
				.isThrownBy(() -> this.sessions.open(id, () -> null).isEmpty());
		}
		finally {
			redis.start();
		}
		assertThat(timerCount("load", "error")).isEqualTo(1);
	}

	@Test
	void rejectedCookie_isCounted() {
		this.sessions.cookieRejected();

		assertThat(count("curveball.session.cookies.rejected")).isEqualTo(1);
	}

	private String created(String key, Object value) {
		LazySession session = this.sessions.open(null, () -> null);
		session.put(key, value);
		SessionCommit commit = session.commit();
		assertThat(commit.outcome()).isEqualTo(SessionCommit.Outcome.CREATED);
		return commit.id();
	}

	private double count(String name) {
		return this.registry.get(name).counter().count();
	}

	private long timerCount(String operation, String outcome) {
		return this.registry.get("curveball.session.store")
			.tag("operation", operation)
			.tag("outcome", outcome)
			.timer()
			.count();
	}

}
