package org.curveball.session.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.Session;
import org.curveball.session.SessionIdListener;
import org.curveball.session.SessionSettings;
import org.curveball.session.testing.MutableClock;
import org.curveball.session.testing.RedisServerExtension;
import org.curveball.session.testing.RedisSessions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what {@link LazySession} tells a {@link SessionIdListener}, over a real
 * Redis: every new id a session is stored under and every session this instance ends,
 * each once the store has done it, and nothing on reads and ordinary writes.
 */
class LazySessionIdListenerTests {

	private static final Duration MAX_LIFETIME = Duration.ofHours(8);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final MutableClock clock = new MutableClock();

	private static final RecordingListener listener = new RecordingListener();

	private static RedisSessions sessions;

	@BeforeAll
	static void connect() {
		SessionSettings settings = new SessionSettings(Duration.ofHours(1), 128 * 1024, MAX_LIFETIME);
		sessions = RedisSessions.open(redis.server(), settings, clock, listener);
	}

	@AfterAll
	static void disconnect() {
		sessions.close();
	}

	@BeforeEach
	void forgetEvents() {
		listener.events.clear();
		listener.existedWhenReported.clear();
	}

	@Test
	void commit_newSession_reportsItsIdOnceStored() {
		LazySession session = sessions.request(null);
		session.put("user", "ada");
		String id = session.commit().id();
		assertThat(listener.events).containsExactly(new Event("assigned", null, id, Map.of("user", "ada")));
		assertThat(listener.existedWhenReported).containsExactly(true);
	}

	@Test
	void commit_regeneratedSession_reportsTheMoveAndNoEnd() {
		String id = storedSession();
		LazySession session = sessions.request(id);
		session.regenerateId();
		String newId = session.commit().id();
		assertThat(listener.events).containsExactly(new Event("assigned", id, newId, Map.of("user", "ada")));
		assertThat(sessions.exists(id)).isFalse();
	}

	@Test
	void commit_invalidatedAfterReading_reportsTheEndWithTheStoredValues() {
		String id = storedSession();
		LazySession session = sessions.request(id);
		session.put("visits", 1);
		session.invalidate();
		session.commit();
		assertThat(listener.events).containsExactly(new Event("ended", null, id, Map.of("user", "ada")));
	}

	@Test
	void commit_invalidatedWithoutReading_reportsTheEndWithoutValues() {
		String id = storedSession();
		LazySession session = sessions.request(id);
		session.invalidate();
		session.commit();
		assertThat(listener.events).containsExactly(new Event("ended", null, id, Map.of()));
	}

	@Test
	void commit_invalidatedThenWritten_reportsTheEndAndTheNewSession() {
		String id = storedSession();
		LazySession session = sessions.request(id);
		session.get("user");
		session.invalidate();
		session.put("user", "grace");
		String newId = session.commit().id();
		assertThat(listener.events).containsExactlyInAnyOrder(new Event("ended", null, id, Map.of("user", "ada")),
				new Event("assigned", null, newId, Map.of("user", "grace")));
	}

	@Test
	void commit_regeneratedThenInvalidated_reportsTheEndOfTheStoredId() {
		String id = storedSession();
		LazySession session = sessions.request(id);
		session.regenerateId();
		session.invalidate();
		session.commit();
		assertThat(listener.events).containsExactly(new Event("ended", null, id, Map.of("user", "ada")));
	}

	@Test
	void commit_emptiedSession_reportsTheEndWithTheValuesItHeld() {
		String id = storedSession();
		LazySession session = sessions.request(id);
		session.clear();
		session.commit();
		assertThat(listener.events).containsExactly(new Event("ended", null, id, Map.of("user", "ada")));
	}

	@Test
	void read_sessionPastMaxLifetime_reportsTheEndWithTheValuesItHeld() {
		String id = sessions.stored(Map.of("__created", clock.millis(), "user", "ada"));
		clock.advance(MAX_LIFETIME);
		LazySession session = sessions.request(id);
		session.isEmpty();
		session.commit();
		assertThat(listener.events).containsExactly(new Event("ended", null, id, Map.of("user", "ada")));
	}

	@Test
	void commit_readsAndOrdinaryWrites_reportNothing() {
		String id = storedSession();
		LazySession read = sessions.request(id);
		read.get("user");
		read.commit();
		LazySession write = sessions.request(id);
		write.put("visits", 1);
		write.commit();
		assertThat(listener.events).isEmpty();
	}

	@Test
	void commit_sessionDeletedByAnotherInstance_reportsNothing() {
		String id = storedSession();
		LazySession session = sessions.request(id);
		session.put("visits", 1);
		sessions.raw().del("session-" + id);
		session.commit();
		assertThat(listener.events).isEmpty();
	}

	private static String storedSession() {
		return sessions.stored(Map.of("__created", clock.millis(), "user", "ada"));
	}

	/**
	 * What the listener heard.
	 */
	record Event(String kind, @Nullable String previousId, String id, Map<String, @Nullable Object> values) {

	}

	private static final class RecordingListener implements SessionIdListener {

		private final List<Event> events = new ArrayList<>();

		private final List<Boolean> existedWhenReported = new ArrayList<>();

		@Override
		public void idAssigned(@Nullable String previousId, String id, Session session) {
			this.existedWhenReported.add(sessions.exists(id));
			this.events.add(new Event("assigned", previousId, id, session.asMap()));
		}

		@Override
		public void ended(String id, Map<String, @Nullable Object> values) {
			this.events.add(new Event("ended", null, id, values));
		}

	}

}
