package org.curveball.session.redis;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.AbstractSessionStoreTests;
import org.curveball.session.ReplaceResult;
import org.curveball.session.testing.LocalRedisNode;
import org.curveball.session.testing.RedisClusterExtension;
import org.curveball.session.testing.RedisTestCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractSessionStoreTests} for {@link RedisSessionStore} on a real Redis Cluster
 * of three masters, where a command that touched keys of two slots would fail, plus how
 * sessions and the save script spread over the masters.
 */
class RedisSessionStoreClusterTests extends AbstractRedisSessionStoreTests {

	@Override
	protected RedisStoreConnection connectToRedis() {
		return RedisStoreConnection.open(redis.cluster());
	}

	@RegisterExtension
	static final RedisClusterExtension redis = new RedisClusterExtension();

	@Test
	void set_manySessions_spreadOverEveryMasterUnderTheirCurveballKeys() {
		RedisTestCluster cluster = redis.cluster();
		List<String> ids = IntStream.range(0, 30).mapToObj((i) -> storedSession("{\"n\":" + i + "}")).toList();
		for (String id : ids) {
			assertThat(cluster.masterOf(RedisStoreConnection.key(id)).commands().get("session-" + id))
				.startsWith("{\"n\":");
		}
		assertThat(ids.stream().map((id) -> cluster.masterOf(RedisStoreConnection.key(id))).distinct())
			.containsExactlyInAnyOrderElementsOf(cluster.masters());
	}

	@Test
	void replace_onEveryMaster_sendsTheScriptToEachMasterThatLacksIt() throws IOException {
		RedisTestCluster cluster = redis.cluster();
		List<LocalRedisNode> masters = cluster.masters();
		masters.forEach((master) -> master.commands().scriptFlush());
		List<String> ids = IntStream.range(0, 30).mapToObj((i) -> storedSession("{\"n\":" + i + "}")).toList();
		for (String id : ids) {
			assertThat(this.store.replace(id, this.store.get(id, LONG_EXPIRY), "{\"saved\":true}", LONG_EXPIRY))
				.isEqualTo(new ReplaceResult.Replaced());
		}
		String sha1 = ReplaceScript.sha1Hex(scriptSource());
		assertThat(masters)
			.allSatisfy((master) -> assertThat(master.commands().scriptExists(sha1)).containsExactly(true));
	}

	private static byte[] scriptSource() throws IOException {
		try (InputStream in = ReplaceScript.class.getResourceAsStream("replace.lua")) {
			assertThat(in).isNotNull();
			return in.readAllBytes();
		}
	}

}
