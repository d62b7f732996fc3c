package org.curveball.session.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.curveball.session.core.SessionCommit.Outcome;
import org.curveball.session.testing.AbstractRedisSessionsTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent requests of one session, saved to a real Redis: changes of different keys
 * are never lost, the last writer of one key wins, and a logout stays a logout.
 * <p>
 * Each thread stands for one request of the same session served at the same time (by
 * another servlet thread or another instance of the application): it opens its own
 * {@link LazySession}, loads and changes it, then waits at a barrier so that all the
 * requests save at once and truly race in Redis.
 */
class LazySessionConcurrencyTests extends AbstractRedisSessionsTests {

	private static final int REQUESTS = 64;

	private static final int ROUNDS = 5;

	private ExecutorService requests;

	@BeforeEach
	void startThreads() {
		this.requests = Executors.newFixedThreadPool(REQUESTS + 1);
	}

	@AfterEach
	void stopThreads() {
		this.requests.shutdownNow();
	}

	@RepeatedTest(ROUNDS)
	void save_concurrentRequestsPuttingDistinctKeys_loseNone() throws Exception {
		String id = sessions.stored(Map.of("userId", 5, "name", "Ada"));
		redis.server().resetStats();
		List<SessionCommit> commits = saveConcurrently(id, REQUESTS, (session, i) -> session.put("key-" + i, i));
		assertThat(commits).containsOnly(new SessionCommit(Outcome.KEPT, id));
		Map<String, Object> expected = new LinkedHashMap<>(Map.of("userId", 5, "name", "Ada"));
		for (int i = 0; i < REQUESTS; i++) {
			expected.put("key-" + i, i);
		}
		assertThat(sessions.storedValues(id)).containsExactlyInAnyOrderEntriesOf(expected);
		assertThat(sessions.commandCalls().get("evalsha"))
			.as("saves grouped in batches, each starting from the JSON the batch before it wrote, none conflicting")
			.isBetween(1L, (long) REQUESTS);
	}

	@RepeatedTest(ROUNDS)
	void save_concurrentRequestsRemovingDistinctKeys_removeAll() throws Exception {
		Map<String, Object> initial = new LinkedHashMap<>(Map.of("userId", 5));
		for (int i = 0; i < REQUESTS; i++) {
			initial.put("key-" + i, i);
		}
		String id = sessions.stored(initial);
		saveConcurrently(id, REQUESTS, (session, i) -> session.remove("key-" + i));
		assertThat(sessions.storedValues(id)).containsExactly(Map.entry("userId", 5));
	}

	@RepeatedTest(ROUNDS)
	void save_concurrentRequestsPuttingSameKey_lastWriterWins() throws Exception {
		String id = sessions.stored(Map.of("userId", 5, "winner", -1));
		saveConcurrently(id, REQUESTS, (session, i) -> session.put("winner", i));
		Map<String, Object> stored = sessions.storedValues(id);
		assertThat(stored).containsOnlyKeys("userId", "winner").containsEntry("userId", 5);
		assertThat(stored.get("winner")).isInstanceOf(Integer.class)
			.asInstanceOf(InstanceOfAssertFactories.INTEGER)
			.isBetween(0, REQUESTS - 1);
	}

	@Test
	void save_slowWriterLoadedBeforeLogoutSavingAfterIt_doesNotResurrectSession() {
		String id = sessions.stored(Map.of("userId", 5));
		LazySession slowWriter = sessions.request(id);
		slowWriter.put("cart", List.of("apple"));
		LazySession logout = sessions.request(id);
		logout.invalidate();
		assertThat(logout.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(slowWriter.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(sessions.exists(id)).isFalse();
	}

	@Test
	void save_slowWriterLoadedBeforeEmptyingSavingAfterIt_doesNotResurrectSession() {
		String id = sessions.stored(Map.of("userId", 5));
		LazySession slowWriter = sessions.request(id);
		slowWriter.put("userId", 6);
		LazySession logout = sessions.request(id);
		logout.remove("userId");
		assertThat(logout.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(slowWriter.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(sessions.exists(id)).isFalse();
	}

	@RepeatedTest(ROUNDS)
	void save_writersRacingLogout_sessionStaysDeleted() throws Exception {
		String id = sessions.stored(Map.of("userId", 5));
		saveConcurrently(id, REQUESTS / 4 + 1, (session, i) -> {
			if (i == 0) {
				session.invalidate();
			}
			else {
				session.put("key-" + i, i);
			}
		});
		assertThat(sessions.exists(id)).isFalse();
	}

	/**
	 * Run requests of one session on their own threads: each opens the session and
	 * changes it, then all save at once.
	 */
	private List<SessionCommit> saveConcurrently(String id, int count, ObjIntConsumer<LazySession> change)
			throws Exception {
		CyclicBarrier allChanged = new CyclicBarrier(count);
		List<Future<SessionCommit>> saves = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int request = i;
			saves.add(this.requests.submit(() -> {
				LazySession session = sessions.request(id);
				session.isEmpty();
				change.accept(session, request);
				allChanged.await(30, TimeUnit.SECONDS);
				return session.commit();
			}));
		}
		List<SessionCommit> commits = new ArrayList<>();
		for (Future<SessionCommit> save : saves) {
			commits.add(save.get(60, TimeUnit.SECONDS));
		}
		return commits;
	}

}
