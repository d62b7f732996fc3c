package org.curveball.session.principal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.SessionSettings;
import org.curveball.session.core.LazySession;
import org.curveball.session.principal.redis.RedisPrincipalSessionIndex;
import org.curveball.session.redis.RedisStoreConnection;
import org.curveball.session.testing.RandomInputs;
import org.curveball.session.testing.RedisServerExtension;
import org.curveball.session.testing.RedisSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PrincipalSessions} over a {@link RedisPrincipalSessionIndex} on a real
 * Redis: sign-ins are indexed, the index follows a session's new ids and ends, and
 * forgets sessions that ended unseen; reads and writes of a signed-in session never touch
 * it; a principal's sessions can be ended on every instance at once.
 */
class PrincipalSessionsTests {

	private static final Duration MAX_LIFETIME = Duration.ofHours(8);

	private static final SessionSettings SETTINGS = new SessionSettings(Duration.ofHours(1), 128 * 1024, MAX_LIFETIME);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static RedisStoreConnection connection;

	private static RedisPrincipalSessionIndex index;

	private static PrincipalSessions principals;

	private static RedisSessions sessions;

	@BeforeAll
	static void connect() {
		connection = RedisStoreConnection.open(redis.server());
		index = new RedisPrincipalSessionIndex(connection.connectionFactory(), RedisStoreConnection.PREFIX, SETTINGS);
		principals = new PrincipalSessions(index, connection.store());
		sessions = RedisSessions.open(redis.server(), SETTINGS, Clock.systemUTC(), principals);
		sessions.warmUp();
	}

	@AfterAll
	static void disconnect() {
		sessions.close();
		connection.close();
	}

	@Test
	void signIn_recordsThePrincipalInTheSessionAndListsTheSessionAsCurrent() {
		Instant before = Instant.now();
		String id = signIn("ada", "Firefox");
		assertThat(sessions.storedValues(id)).containsEntry(PrincipalSessions.PRINCIPAL_KEY, "ada");
		assertThat(principals.list("ada", id)).singleElement().satisfies((session) -> {
			assertThat(session.current()).isTrue();
			assertThat(session.device()).isEqualTo("Firefox");
			assertThat(session.signedIn()).isCloseTo(before, within(1, ChronoUnit.MINUTES));
			assertThat(session.lastAccessed()).isAfterOrEqualTo(session.signedIn());
		});
		assertThat(principals.list("ada", null)).extracting(PrincipalSession::current).containsExactly(false);
		assertThat(principals.list("grace", id)).isEmpty();
	}

	@Test
	void signIn_isKeptInOneHashPerPrincipalBesideTheSessions() {
		String id = signIn("ada@example.com", null);
		String key = "session:principal:ada%40example.com";
		assertThat(index.key("ada@example.com")).isEqualTo(key);
		assertThat(redis.commands().hkeys(key)).containsExactly(id);
		assertThat(redis.commands().hget(key, id)).matches("\\{\"signedIn\":\\d{13}}");
		assertThat(redis.commands().pttl(key)).isBetween(MAX_LIFETIME.toMillis() - 60_000, MAX_LIFETIME.toMillis());
	}

	@Test
	void key_anyName_isOneKeyThatNoCookieValueCanName() {
		assertThat(index.key("a:b/ç {x}")).isEqualTo("session:principal:a%3Ab%2F%C3%A7%20%7Bx%7D");
		RandomInputs.forAll(500, RandomInputs::string, (name) -> {
			String key = index.key(name);
			assertThat(key).startsWith("session:principal:").doesNotStartWith("session-").doesNotContain("{", "}");
			assertThat(key.substring("session:principal:".length())).matches("[A-Za-z0-9._~%-]*");
		});
	}

	@Test
	void regenerateId_ofASignedInSession_movesItsEntryToTheNewId() {
		String id = signIn("ada", "Firefox");
		Instant signedIn = principals.list("ada", id).get(0).signedIn();
		LazySession session = sessions.request(id);
		session.regenerateId();
		String newId = session.commit().id();
		assertThat(redis.commands().hkeys(index.key("ada"))).containsExactly(newId);
		assertThat(principals.list("ada", newId)).singleElement().satisfies((moved) -> {
			assertThat(moved.current()).isTrue();
			assertThat(moved.signedIn()).isEqualTo(signedIn);
			assertThat(moved.device()).isEqualTo("Firefox");
		});
	}

	@Test
	void invalidate_ofASignedInSession_takesItOutOfTheIndexAtOnce() {
		String id = signIn("ada", null);
		LazySession session = sessions.request(id);
		session.get("visits");
		session.invalidate();
		session.commit();
		assertThat(redis.commands().exists(index.key("ada"))).isZero();
	}

	@Test
	void ended_withAnExecutorForListenerWrites_leavesTheIndexToIt() {
		List<Runnable> writes = new ArrayList<>();
		PrincipalSessions offloaded = new PrincipalSessions(index, connection.store(), writes::add);
		String id = sessions.newId();
		index.add("grace", id, null, null);
		offloaded.ended(id, Map.of(PrincipalSessions.PRINCIPAL_KEY, "grace"));
		assertThat(redis.commands().hkeys(index.key("grace"))).containsExactly(id);
		assertThat(writes).hasSize(1);
		writes.forEach(Runnable::run);
		assertThat(redis.commands().exists(index.key("grace"))).isZero();
	}

	@Test
	void signOut_ofASessionThatGoesOn_takesThePrincipalOutOfTheSessionAndTheIndex() {
		String id = signIn("ada", null);
		LazySession session = sessions.request(id);
		principals.signOut(session, id);
		session.commit();
		assertThat(sessions.storedValues(id)).doesNotContainKey(PrincipalSessions.PRINCIPAL_KEY);
		assertThat(principals.list("ada", id)).isEmpty();
	}

	@Test
	void list_sessionThatExpiredOrWasDeletedElsewhere_isLeftOutAndItsEntryRemoved() {
		String kept = signIn("ada", null);
		String expired = signIn("ada", null);
		signedInAnHourAgo("ada", expired);
		redis.commands().del(RedisStoreConnection.key(expired));
		assertThat(principals.list("ada", kept)).extracting(PrincipalSession::current).containsExactly(true);
		assertThat(redis.commands().hkeys(index.key("ada"))).containsExactly(kept);
	}

	@Test
	void list_sessionWhoseSignInIsStillBeingSaved_isListedUntilTheGraceEnds() {
		String signingIn = sessions.newId();
		index.add("ada", signingIn, null, null);
		assertThat(principals.sessions("ada")).extracting(IndexedSession::id).containsExactly(signingIn);
		RedisPrincipalSessionIndex noGrace = new RedisPrincipalSessionIndex(connection.connectionFactory(),
				RedisStoreConnection.PREFIX, SETTINGS, Duration.ZERO);
		assertThat(noGrace.sessions("ada")).isEmpty();
		assertThat(redis.commands().exists(index.key("ada"))).isZero();
	}

	@Test
	void list_lastAccess_isWhatTheSessionsIdleExpiryTells() {
		String id = signIn("ada", null);
		signedInAnHourAgo("ada", id);
		redis.commands().pexpire(RedisStoreConnection.key(id), SETTINGS.expiry().minusMinutes(10).toMillis());
		IndexedSession session = principals.sessions("ada").get(0);
		assertThat(session.lastAccessed()).isCloseTo(Instant.now().minus(Duration.ofMinutes(10)),
				within(1, ChronoUnit.MINUTES));
	}

	@Test
	void list_sessionsOfAPrincipal_areInTheOrderOfTheirSignIns() throws InterruptedException {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(signIn("ada", "device " + i));
			Thread.sleep(5);
		}
		assertThat(principals.sessions("ada")).extracting(IndexedSession::id).containsExactlyElementsOf(ids);
		assertThat(principals.list("ada", ids.get(1))).extracting(PrincipalSession::current)
			.containsExactly(false, true, false);
	}

	@Test
	void endOthers_endsEverySessionOfThePrincipalButTheKeptOne() {
		String kept = signIn("ada", null);
		String other = signIn("ada", null);
		String another = signIn("ada", null);
		String someoneElse = signIn("grace", null);
		assertThat(principals.endOthers("ada", kept)).isEqualTo(2);
		assertThat(sessions.request(other).isEmpty()).isTrue();
		assertThat(sessions.request(another).isEmpty()).isTrue();
		assertThat(sessions.request(kept).get(PrincipalSessions.PRINCIPAL_KEY)).isEqualTo("ada");
		assertThat(sessions.request(someoneElse).get(PrincipalSessions.PRINCIPAL_KEY)).isEqualTo("grace");
		assertThat(redis.commands().hkeys(index.key("ada"))).containsExactly(kept);
	}

	@Test
	void endAll_endsEverySessionOfThePrincipal() {
		List<String> ids = List.of(signIn("ada", null), signIn("ada", null));
		assertThat(principals.endAll("ada")).isEqualTo(2);
		assertThat(ids).noneMatch(sessions::exists);
		assertThat(principals.list("ada", null)).isEmpty();
	}

	@Test
	void expire_unlistsTheSessionForGoodUntilItIsGone() {
		String expired = signIn("ada", null);
		principals.expire("ada", expired);
		assertThat(principals.sessions("ada")).isEmpty();
		String next = sessions.newId();
		index.add("ada", next, null, List.of());
		index.follow("ada", null, expired);
		assertThat(principals.sessions("ada")).extracting(IndexedSession::id).containsExactly(next);
		redis.commands().del(RedisStoreConnection.key(expired));
		principals.sessions("ada");
		assertThat(redis.commands().hkeys(index.key("ada"))).containsExactly(next);
	}

	@Test
	void add_afterAnotherSignInSinceTheCheckedList_isRefusedAndWritesNothing() {
		String first = signIn("ada", null);
		List<String> listed = principals.sessions("ada").stream().map(IndexedSession::id).toList();
		String racing = signIn("ada", null);
		String checked = sessions.newId();
		assertThatExceptionOfType(SignInConflictException.class)
			.isThrownBy(() -> index.add("ada", checked, null, listed))
			.withMessageNotContaining(checked);
		assertThat(redis.commands().hkeys(index.key("ada"))).containsExactlyInAnyOrder(first, racing);
	}

	@Test
	void add_afterSessionsOfTheCheckedListEnded_isAccepted() {
		String first = signIn("ada", null);
		List<String> listed = principals.sessions("ada").stream().map(IndexedSession::id).toList();
		principals.endAll("ada");
		String checked = sessions.newId();
		index.add("ada", checked, null, listed);
		assertThat(redis.commands().hkeys(index.key("ada"))).containsExactly(checked).doesNotContain(first);
	}

	@Test
	void add_manySignInsCheckedAgainstTheSameList_acceptsExactlyOne() throws Exception {
		int racers = 8;
		Phaser start = new Phaser(racers + 1);
		List<CompletableFuture<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			String id = sessions.newId();
			attempts.add(CompletableFuture.supplyAsync(() -> {
				start.arriveAndAwaitAdvance();
				try {
					index.add("ada", id, null, List.of());
					return true;
				}
				catch (SignInConflictException ex) {
					return false;
				}
			}));
		}
		start.arriveAndAwaitAdvance();
		List<Boolean> accepted = new ArrayList<>();
		for (CompletableFuture<Boolean> attempt : attempts) {
			accepted.add(attempt.get(30, TimeUnit.SECONDS));
		}
		assertThat(accepted).containsOnlyOnce(true);
		assertThat(redis.commands().hlen(index.key("ada"))).isOne();
	}

	@Test
	void readsAndWrites_ofASignedInSession_sendNothingToTheIndex() {
		String id = signIn("ada", null);
		redis.server().resetStats();
		LazySession read = sessions.request(id);
		read.get(PrincipalSessions.PRINCIPAL_KEY);
		read.commit();
		assertThat(sessions.commandCalls()).isEqualTo(Map.of("getex", 1L));
		redis.server().resetStats();
		LazySession write = sessions.request(id);
		write.put("visits", 2);
		write.commit();
		assertThat(sessions.commandCalls()).isEqualTo(Map.of("getex", 1L, "evalsha", 1L, "get", 1L, "set", 1L));
	}

	@Test
	void indexedSession_toString_leavesTheIdOut() {
		String id = signIn("ada", "Firefox");
		assertThat(principals.sessions("ada").get(0).toString()).contains("Firefox").doesNotContain(id);
	}

	/**
	 * Sign a principal in to a new session, as a sign-in request does, and store it.
	 */
	private static String signIn(String principal, @Nullable String device) {
		LazySession session = sessions.request(null);
		session.put("visits", 1);
		String id = session.id();
		principals.signIn(session, id, principal, device, null);
		assertThat(session.commit().id()).isEqualTo(id);
		return id;
	}

	private static void signedInAnHourAgo(String principal, String id) {
		long anHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
		redis.commands().hset(index.key(principal), id, "{\"signedIn\":" + anHourAgo + "}");
	}

}
