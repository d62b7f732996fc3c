package org.curveball.session.core;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.curveball.session.core.SessionCommit.Outcome;
import org.curveball.session.testing.RedisServerExtension;
import org.curveball.session.testing.RedisSessions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves that start from the JSON this instance wrote last ({@link SaveTrail}), on a real
 * Redis shared by two instances of the application: one round trip where the guess is
 * right, nothing lost where another instance changed the session, and a deleted session
 * never brought back.
 * <p>
 * Each test opens requests of one session on {@code here} (they read the session
 * together), saves one of them, then does something in between, then saves another.
 */
class SaveTrailAcrossInstancesTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static RedisSessions here;

	private static RedisSessions elsewhere;

	@BeforeAll
	static void connect() {
		here = RedisSessions.open(redis.server());
		elsewhere = RedisSessions.open(redis.server());
		here.warmUp();
	}

	@AfterAll
	static void disconnect() {
		here.close();
		elsewhere.close();
	}

	@Test
	void save_readBeforeAnotherSaveOfThisInstance_oneScriptCallAndBothChangesKept() {
		String id = here.stored(Map.of("userId", 5));
		LazySession second = secondAfterFirstSaved(id);
		redis.server().resetStats();
		assertThat(second.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
		assertThat(here.commandCalls()).isEqualTo(Map.of("evalsha", 1L, "get", 1L, "set", 1L));
		assertThat(here.storedValues(id)).containsExactly(Map.entry("userId", 5), Map.entry("a", 1), Map.entry("b", 2));
		assertThat(second.asMap()).isEqualTo(here.storedValues(id));
	}

	@Test
	void save_sameKeyAfterAnotherSaveOfThisInstance_laterSaveWins() {
		String id = here.stored(Map.of("userId", 5, "cart", "none"));
		LazySession first = read(here, id);
		LazySession second = read(here, id);
		first.put("cart", "apple");
		second.put("cart", "pear");
		first.commit();
		second.commit();
		assertThat(here.storedValues(id)).containsOnly(Map.entry("userId", 5), Map.entry("cart", "pear"));
	}

	@Test
	void save_anotherInstanceChangedSessionAfterThisInstanceSaved_nothingLost() {
		String id = here.stored(Map.of("userId", 5));
		LazySession second = secondAfterFirstSaved(id);
		LazySession other = read(elsewhere, id);
		other.put("c", 3);
		other.commit();
		redis.server().resetStats();
		assertThat(second.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
		assertThat(here.commandCalls()).containsEntry("evalsha", 2L);
		assertThat(here.storedValues(id)).containsOnly(Map.entry("userId", 5), Map.entry("a", 1), Map.entry("b", 2),
				Map.entry("c", 3));
	}

	@ParameterizedTest(name = "logout on this instance: {0}")
	@ValueSource(booleans = { true, false })
	void save_loggedOutAfterThisInstanceSaved_sessionStaysDeleted(boolean onThisInstance) {
		String id = here.stored(Map.of("userId", 5));
		LazySession second = secondAfterFirstSaved(id);
		LazySession logout = (onThisInstance ? here : elsewhere).request(id);
		logout.invalidate();
		assertThat(logout.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(second.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(here.exists(id)).isFalse();
	}

	@Test
	void save_emptiedOnThisInstanceAfterItSaved_sessionStaysDeleted() {
		String id = here.stored(Map.of("userId", 5));
		LazySession second = secondAfterFirstSaved(id);
		LazySession emptying = read(here, id);
		emptying.clear();
		assertThat(emptying.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(here.exists(id)).isFalse();
		assertThat(second.commit().outcome()).isEqualTo(Outcome.ENDED);
		assertThat(here.exists(id)).isFalse();
	}

	@Test
	void save_readAfterAnotherInstanceSaved_oneScriptCall() {
		String id = here.stored(Map.of("visits", 0));
		LazySession first = read(here, id);
		first.put("visits", 1);
		first.commit();
		LazySession other = read(elsewhere, id);
		other.put("visits", 2);
		other.commit();
		LazySession third = read(here, id);
		third.put("visits", 3);
		redis.server().resetStats();
		assertThat(third.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
		assertThat(here.commandCalls()).containsEntry("evalsha", 1L);
		assertThat(here.storedValues(id)).containsExactly(Map.entry("visits", 3));
	}

	/**
	 * Two requests read a session on {@code here}; the first puts {@code a} and saves.
	 * @return the second, which has put {@code b} and not saved yet
	 */
	private static LazySession secondAfterFirstSaved(String id) {
		LazySession first = read(here, id);
		LazySession second = read(here, id);
		first.put("a", 1);
		second.put("b", 2);
		assertThat(first.commit().outcome()).isEqualTo(Outcome.KEPT);
		return second;
	}

	private static LazySession read(RedisSessions instance, String id) {
		LazySession session = instance.request(id);
		assertThat(session.isEmpty()).isFalse();
		return session;
	}

}
