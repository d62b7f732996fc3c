package org.curveball.session.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.ReplaceResult;
import org.curveball.session.Session;
import org.curveball.session.SessionObserver;
import org.curveball.session.SessionSettings;
import org.curveball.session.SessionStore;
import org.curveball.session.SessionStoreException;
import org.curveball.session.SessionTooLargeException;
import org.curveball.session.core.SessionCommit.Outcome;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.redis.RedisStoreConnection;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.PersistentRedis;
import org.curveball.session.testing.RedisServerExtension;
import org.curveball.session.testing.RedisSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Group commit of the saves of one session ({@link GroupCommit}), on a real Redis: saves
 * that queue behind a save in flight are written by one compare-and-set and end as if
 * they had been saved one after another, in arrival order.
 * <p>
 * Each test holds a first save of the session inside the store until the saves of the
 * batch have queued behind it, one after another (a save has queued when its thread
 * waits), then lets it go.
 */
@PersistentRedis
class GroupCommitTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static RedisSessions sessions;

	private static RedisStoreConnection connection;

	private final HeldStore store = new HeldStore();

	private final AtomicInteger conflicts = new AtomicInteger();

	private final AtomicInteger ended = new AtomicInteger();

	private SessionManager manager = manager(RedisSessions.SETTINGS);

	private final List<Thread> threads = new ArrayList<>();

	@BeforeAll
	static void connect() {
		sessions = RedisSessions.open(redis.server());
		connection = RedisStoreConnection.open(redis.server());
		sessions.warmUp();
	}

	@AfterAll
	static void disconnect() {
		sessions.close();
		connection.close();
	}

	@AfterEach
	void releaseAll() throws InterruptedException {
		this.store.release.countDown();
		for (Thread thread : this.threads) {
			thread.join(TimeUnit.SECONDS.toMillis(30));
			assertThat(thread.isAlive()).as("a save still waiting").isFalse();
		}
	}

	@Test
	void save_distinctKeysQueuedBehindASave_allKeptByOneWrite() throws Exception {
		String id = sessions.stored(Map.of("userId", 5));
		List<Batched> batch = saveInOneBatch(id, (s) -> s.put("a", 1), (s) -> s.put("b", 2), (s) -> s.remove("userId"));
		for (Batched member : batch) {
			assertThat(member.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
		}
		assertThat(this.store.replaces).as("the held save, then one for the batch").hasValue(2);
		assertThat(sessions.storedValues(id)).containsOnly(Map.entry("first", true), Map.entry("a", 1),
				Map.entry("b", 2));
		assertThat(this.conflicts).hasValue(0);
	}

	@Test
	void save_sameKeyQueuedBehindASave_laterInTheBatchWinsAndEachSessionKeepsItsOwnResult() throws Exception {
		String id = sessions.stored(Map.of("cart", "none"));
		List<Batched> batch = saveInOneBatch(id, (s) -> s.put("cart", "apple"), (s) -> s.put("cart", "pear"),
				(s) -> s.put("cart", "plum"));
		for (Batched member : batch) {
			assertThat(member.commit().outcome()).isEqualTo(Outcome.KEPT);
		}
		assertThat(sessions.storedValues(id)).containsOnly(Map.entry("first", true), Map.entry("cart", "plum"));
		assertThat(batch.get(0).session().get("cart")).isEqualTo("apple");
		assertThat(batch.get(1).session().get("cart")).isEqualTo("pear");
		assertThat(batch.get(2).session().asMap()).isEqualTo(sessions.storedValues(id));
		int replaces = this.store.replaces.get();
		for (Batched member : batch) {
			assertThat(member.session().commit().outcome()).isEqualTo(Outcome.KEPT);
		}
		assertThat(this.store.replaces).as("a second commit writes nothing").hasValue(replaces);
	}

	@Test
	void save_changedElsewhereBeforeTheBatchWrites_oneConflictAndNothingLost() throws Exception {
		String id = sessions.stored(Map.of("userId", 5));
		this.store.beforeBatch = () -> {
			LazySession elsewhere = sessions.request(id);
			elsewhere.put("other", 3);
			elsewhere.commit();
		};
		List<Batched> batch = saveInOneBatch(id, (s) -> s.put("a", 1), (s) -> s.put("b", 2));
		for (Batched member : batch) {
			assertThat(member.commit().outcome()).isEqualTo(Outcome.KEPT);
		}
		assertThat(sessions.storedValues(id)).containsOnly(Map.entry("userId", 5), Map.entry("first", true),
				Map.entry("other", 3), Map.entry("a", 1), Map.entry("b", 2));
		assertThat(this.conflicts).as("one conflict for the whole batch").hasValue(1);
		assertThat(this.store.replaces).hasValue(3);
	}

	@Test
	void save_deletedElsewhereBeforeTheBatchWrites_allEndedAndNotRecreated() throws Exception {
		String id = sessions.stored(Map.of("userId", 5));
		this.store.beforeBatch = () -> sessions.raw().del(RedisStoreConnection.key(id));
		List<Batched> batch = saveInOneBatch(id, (s) -> s.put("a", 1), (s) -> s.put("b", 2));
		for (Batched member : batch) {
			assertThat(member.commit()).isEqualTo(SessionCommit.ENDED);
			assertThat(member.session().isStored()).isFalse();
			assertThat(member.session().commit()).isEqualTo(SessionCommit.NONE);
		}
		assertThat(sessions.exists(id)).isFalse();
		assertThat(this.ended).hasValue(0);
	}

	@Test
	void save_memberEmptiesTheSession_deletedAndLaterMembersEnded() throws Exception {
		String id = sessions.stored(Map.of("userId", 5, "first", false));
		List<Batched> batch = saveInOneBatch(id, (s) -> s.put("userId", 6), Session::clear, (s) -> s.put("b", 2));
		assertThat(batch.get(0).commit().outcome()).isEqualTo(Outcome.KEPT);
		assertThat(batch.get(1).commit()).isEqualTo(SessionCommit.ENDED);
		assertThat(batch.get(2).commit()).isEqualTo(SessionCommit.ENDED);
		assertThat(sessions.exists(id)).isFalse();
		assertThat(this.store.replaces).as("the batch's write is the delete").hasValue(2);
		assertThat(this.ended).as("the emptying save ended it, once").hasValue(1);
		assertThat(batch.get(2).session().isStored()).isFalse();
	}

	@Test
	void save_memberTooLargeOnlyAfterTheOthersChanges_failsAloneAndTheOthersAreSaved() throws Exception {
		this.manager = manager(new SessionSettings(Duration.ofHours(1), 100));
		String id = sessions.stored(Map.of("u", 5));
		String sixty = "x".repeat(60);
		List<Batched> batch = saveInOneBatch(id, (s) -> s.put("a", sixty), (s) -> s.put("b", sixty),
				(s) -> s.put("c", 1));
		assertThat(batch.get(0).commit().outcome()).isEqualTo(Outcome.KEPT);
		assertThatExceptionOfType(SessionTooLargeException.class).isThrownBy(batch.get(1)::commit);
		assertThat(batch.get(2).commit().outcome()).isEqualTo(Outcome.KEPT);
		assertThat(sessions.storedValues(id)).containsOnly(Map.entry("u", 5), Map.entry("first", true),
				Map.entry("a", sixty), Map.entry("c", 1));
		assertThat(batch.get(2).session().asMap()).isEqualTo(sessions.storedValues(id));
	}

	@Test
	void save_storeFailsForTheBatch_everyMemberFailsNothingWrittenAndTheNextSaveWorks() throws Exception {
		String id = sessions.stored(Map.of("userId", 5));
		this.store.beforeBatch = redis::stop;
		List<Batched> batch = saveInOneBatch(id, (s) -> s.put("a", 1), (s) -> s.put("b", 2));
		for (Batched member : batch) {
			assertThatExceptionOfType(SessionStoreException.class).isThrownBy(member::commit);
		}
		redis.start();
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(sessions.storedValues(id)).containsOnly(Map.entry("userId", 5),
					Map.entry("first", true)));
		this.store.beforeBatch = null;
		await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(SessionStoreException.class).until(() -> {
			LazySession next = this.manager.open(id, () -> null);
			next.put("c", 3);
			return next.commit().outcome() == Outcome.KEPT;
		});
		assertThat(sessions.storedValues(id)).containsEntry("c", 3);
	}

	@Test
	void save_moreQueuedThanOneBatchHolds_writtenInBoundedBatches() throws Exception {
		String id = sessions.stored(Map.of("userId", 5));
		List<Consumer<LazySession>> changes = new ArrayList<>();
		for (int i = 0; i < GroupCommit.MAX_BATCH + 6; i++) {
			String key = "key-" + i;
			changes.add((s) -> s.put(key, 1));
		}
		List<Batched> batch = saveInOneBatch(id, changes);
		for (Batched member : batch) {
			assertThat(member.commit().outcome()).isEqualTo(Outcome.KEPT);
		}
		assertThat(this.store.replaces).as("the held save, a full batch, then the rest").hasValue(3);
		assertThat(sessions.storedValues(id)).hasSize(GroupCommit.MAX_BATCH + 6 + 2);
	}

	@Test
	void save_queuedSavesOfTwoSessionsSharingAStripe_eachSessionBatchedApart() throws Exception {
		String id = sessions.stored(Map.of("userId", 5));
		String neighbour = sessions.stored(Map.of("userId", 6));
		while (Math.floorMod(neighbour.hashCode(), GroupCommit.STRIPES) != Math.floorMod(id.hashCode(),
				GroupCommit.STRIPES)) {
			neighbour = sessions.stored(Map.of("userId", 6));
		}
		Batched held = hold(id);
		Batched neighbourA = queue(neighbour, (s) -> s.put("a", 1));
		Batched own = queue(id, (s) -> s.put("b", 2));
		Batched neighbourC = queue(neighbour, (s) -> s.put("c", 3));
		release(held);
		assertThat(neighbourA.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, neighbour));
		assertThat(own.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
		assertThat(neighbourC.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, neighbour));
		assertThat(this.store.replaces)
			.as("the held save, the neighbour's batch, then this session's, which conflicts once: the neighbour's "
					+ "batch took the stripe's one trail")
			.hasValue(4);
		assertThat(this.conflicts).hasValue(1);
		assertThat(sessions.storedValues(neighbour)).containsOnly(Map.entry("userId", 6), Map.entry("a", 1),
				Map.entry("c", 3));
		assertThat(sessions.storedValues(id)).containsOnly(Map.entry("userId", 5), Map.entry("first", true),
				Map.entry("b", 2));
	}

	private SessionManager manager(SessionSettings settings) {
		this.store.delegate = connection.store();
		return new SessionManager(this.store, new SessionCodec(mapper), settings, Clock.systemUTC(),
				new SessionObserver() {

					@Override
					public void saveConflict() {
						GroupCommitTests.this.conflicts.incrementAndGet();
					}

					@Override
					public void sessionEnded() {
						GroupCommitTests.this.ended.incrementAndGet();
					}

				});
	}

	@SafeVarargs
	private List<Batched> saveInOneBatch(String id, Consumer<LazySession>... changes) throws Exception {
		return saveInOneBatch(id, List.of(changes));
	}

	/**
	 * Hold a save of the session ({@code first=true}) in the store, queue one save per
	 * change behind it in order, then let the first go.
	 */
	private List<Batched> saveInOneBatch(String id, List<Consumer<LazySession>> changes) throws Exception {
		Batched held = hold(id);
		List<Batched> batch = new ArrayList<>();
		for (Consumer<LazySession> change : changes) {
			batch.add(queue(id, change));
		}
		release(held);
		return batch;
	}

	/**
	 * Start a save of the session ({@code first=true}) that the store holds until
	 * {@link #release released}.
	 */
	private Batched hold(String id) throws InterruptedException {
		LazySession first = this.manager.open(id, () -> null);
		first.put("first", true);
		Batched held = start(first);
		assertThat(this.store.held.await(30, TimeUnit.SECONDS)).isTrue();
		return held;
	}

	/**
	 * Read a session, change it and start its save, which queues behind the held one.
	 */
	private Batched queue(String id, Consumer<LazySession> change) throws InterruptedException {
		LazySession session = this.manager.open(id, () -> null);
		session.isEmpty();
		change.accept(session);
		Batched save = start(session);
		awaitQueued(this.threads.get(this.threads.size() - 1));
		return save;
	}

	private void release(Batched held) throws Exception {
		this.store.release.countDown();
		assertThat(held.commit().outcome()).isEqualTo(Outcome.KEPT);
	}

	private Batched start(LazySession session) {
		FutureTask<SessionCommit> commit = new FutureTask<>(session::commit);
		Thread thread = new Thread(commit, "save-" + this.threads.size());
		this.threads.add(thread);
		thread.start();
		return new Batched(session, commit);
	}

	private static void awaitQueued(Thread thread) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (thread.getState() != Thread.State.WAITING) {
			if (System.nanoTime() > deadline || !thread.isAlive()) {
				fail("The save did not queue: " + thread.getState());
			}
			Thread.sleep(1);
		}
	}

	/**
	 * A save running on its own thread.
	 */
	private record Batched(LazySession session, FutureTask<SessionCommit> save) {

		SessionCommit commit() throws Exception {
			try {
				return this.save.get(30, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof Exception cause) {
					throw cause;
				}
				throw ex;
			}
		}

	}

	/**
	 * The Redis store, holding its first save until released, and running a step just
	 * before the second (the batch's first write).
	 */
	private static final class HeldStore implements SessionStore {

		private final AtomicInteger replaces = new AtomicInteger();

		private final CountDownLatch release = new CountDownLatch(1);

		private final CountDownLatch held = new CountDownLatch(1);

		private volatile @Nullable Runnable beforeBatch;

		private volatile SessionStore delegate;

		@Override
		public @Nullable String get(String id, Duration expiry) {
			return this.delegate.get(id, expiry);
		}

		@Override
		public void set(String id, String json, Duration expiry) {
			this.delegate.set(id, json, expiry);
		}

		@Override
		public ReplaceResult replace(String id, String expected, @Nullable String json, Duration expiry) {
			int call = this.replaces.incrementAndGet();
			if (call == 1) {
				this.held.countDown();
				try {
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			Runnable step = this.beforeBatch;
			if (call == 2 && step != null) {
				step.run();
			}
			return this.delegate.replace(id, expected, json, expiry);
		}

		@Override
		public void delete(String id) {
			this.delegate.delete(id);
		}

		@Override
		public String newSessionId() {
			return this.delegate.newSessionId();
		}

	}

}
