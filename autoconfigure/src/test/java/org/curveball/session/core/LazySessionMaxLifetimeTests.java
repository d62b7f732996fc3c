package org.curveball.session.core;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.SessionSettings;
import org.curveball.session.core.SessionCommit.Outcome;
import org.curveball.session.testing.MutableClock;
import org.curveball.session.testing.RedisServerExtension;
import org.curveball.session.testing.RedisSessions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the absolute session lifetime over a real Redis: the creation time travels in
 * the stored JSON, and a session older than the maximum lifetime ends however active it
 * is. The lifetime is measured on a clock the tests move.
 */
class LazySessionMaxLifetimeTests {

	private static final Duration MAX_LIFETIME = Duration.ofHours(8);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final MutableClock clock = new MutableClock();

	private static RedisSessions sessions;

	@BeforeAll
	static void connect() {
		SessionSettings settings = new SessionSettings(Duration.ofHours(1), 128 * 1024, MAX_LIFETIME);
		sessions = RedisSessions.open(redis.server(), settings, clock);
	}

	@AfterAll
	static void disconnect() {
		sessions.close();
	}

	@Test
	void commit_newSession_storesCreationTimeFirstAndHidesIt() {
		long created = clock.millis();
		LazySession session = sessions.request(null);
		session.put("userId", 5);
		String id = session.commit().id();
		assertThat(sessions.storedJson(id)).isEqualTo("{\"__created\":" + created + ",\"userId\":5}");
		assertThat(session.asMap()).containsExactly(Map.entry("userId", 5));
		assertThat(sessions.request(id).asMap()).containsExactly(Map.entry("userId", 5));
	}

	@Test
	void commit_activeSessionWithinMaxLifetime_keepsCreationTime() {
		long created = clock.millis();
		String id = sessions.stored(Map.of("__created", created, "visits", 1));
		clock.advance(MAX_LIFETIME.minusMinutes(1));
		LazySession session = sessions.request(id);
		session.put("visits", 2);
		assertThat(session.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
		assertThat(sessions.storedValues(id)).containsEntry("__created", created).containsEntry("visits", 2);
	}

	@Test
	void read_sessionPastMaxLifetime_readsAsEmptyAndIsDeleted() {
		String id = sessions.stored(Map.of("__created", clock.millis(), "userId", 5));
		clock.advance(MAX_LIFETIME);
		LazySession session = sessions.request(id);
		assertThat(session.isEmpty()).isTrue();
		assertThat(session.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(sessions.exists(id)).isFalse();
	}

	@Test
	void write_sessionPastMaxLifetime_startsNewSessionWithNewCreationTime() {
		String id = sessions.stored(Map.of("__created", clock.millis(), "userId", 5));
		clock.advance(MAX_LIFETIME.plusMinutes(1));
		LazySession session = sessions.request(id);
		session.put("flash", "please log in again");
		SessionCommit commit = session.commit();
		assertThat(commit.outcome()).isEqualTo(Outcome.CREATED);
		assertThat(commit.id()).isNotEqualTo(id);
		assertThat(sessions.exists(id)).isFalse();
		assertThat(sessions.storedValues(commit.id())).containsExactly(Map.entry("__created", clock.millis()),
				Map.entry("flash", "please log in again"));
	}

	@Test
	void read_sessionStoredWithoutCreationTime_countsFromFirstUse() {
		String id = sessions.stored(Map.of("userId", 5));
		long firstUse = clock.millis();
		LazySession session = sessions.request(id);
		session.put("visits", 1);
		session.commit();
		assertThat(sessions.storedValues(id)).containsEntry("__created", firstUse);
		clock.advance(MAX_LIFETIME);
		assertThat(sessions.request(id).isEmpty()).isTrue();
	}

}
