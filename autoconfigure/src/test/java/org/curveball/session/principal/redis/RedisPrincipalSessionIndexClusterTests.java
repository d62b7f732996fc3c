package org.curveball.session.principal.redis;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SessionIdListener;
import org.curveball.session.SessionObserver;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionManager;
import org.curveball.session.json.SessionCodec;
import org.curveball.session.principal.IndexedSession;
import org.curveball.session.principal.PrincipalSessions;
import org.curveball.session.redis.RedisSessionStore;
import org.curveball.session.redis.RedisStoreConnection;
import org.curveball.session.testing.RedisClusterExtension;
import org.curveball.session.testing.RedisSessions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisPrincipalSessionIndex} on a real Redis Cluster of three masters,
 * where a command that touched keys of two slots would fail: users' hashes and their
 * sessions' keys lie on different masters, and sign-in, a new id, a listing, a session
 * limit's expiry and the end of the other sessions all work there.
 */
class RedisPrincipalSessionIndexClusterTests {

	@RegisterExtension
	static final RedisClusterExtension redis = new RedisClusterExtension();

	private static RedisStoreConnection connection;

	private static RedisPrincipalSessionIndex index;

	private static PrincipalSessions principals;

	private static SessionManager sessions;

	@BeforeAll
	static void connect() {
		connection = RedisStoreConnection.open(redis.cluster());
		RedisSessionStore store = connection.store();
		index = new RedisPrincipalSessionIndex(connection.connectionFactory(), store.prefix(), RedisSessions.SETTINGS);
		principals = new PrincipalSessions(index, store);
		sessions = new SessionManager(store, new SessionCodec(JsonMapper.builder().build()), RedisSessions.SETTINGS,
				Clock.systemUTC(), SessionObserver.NONE, SessionIdListener.of(List.of(principals)));
	}

	@AfterAll
	static void disconnect() {
		connection.close();
	}

	@Test
	void usersSessions_onEveryMaster_areIndexedFollowedExpiredAndEnded() {
		List<String> users = IntStream.range(0, 12).mapToObj((i) -> "user-" + i).toList();
		assertThat(users.stream().map((user) -> redis.cluster().masterOf(index.key(user))).distinct())
			.containsExactlyInAnyOrderElementsOf(redis.cluster().masters());
		for (String user : users) {
			String kept = signIn(user);
			String moved = signIn(user);
			String expired = signIn(user);
			String other = signIn(user);
			LazySession session = sessions.open(moved, () -> null);
			session.regenerateId();
			String newId = session.commit().id();
			principals.expire(user, expired);
			assertThat(principals.sessions(user)).extracting(IndexedSession::id)
				.containsExactlyInAnyOrder(kept, newId, other);
			assertThat(principals.endOthers(user, kept)).isEqualTo(2);
			assertThat(sessions.open(other, () -> null).isStored()).isFalse();
			assertThat(principals.sessions(user)).extracting(IndexedSession::id).containsExactly(kept);
		}
	}

	private static String signIn(String user) {
		LazySession session = sessions.open(null, () -> null);
		session.put("visits", 1);
		principals.signIn(session, session.id(), user, "Test browser", null);
		return session.commit().id();
	}

}
