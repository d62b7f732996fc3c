package org.curveball.session.testing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RedisTestSentinel} and {@link RedisSentinelExtension}.
 */
class RedisTestSentinelTests {

	@RegisterExtension
	static final RedisSentinelExtension redis = new RedisSentinelExtension();

	@Test
	void start_masterWithAReplicaInSyncAndThreeSentinels() {
		RedisTestSentinel setup = redis.sentinel();
		LocalRedisNode master = setup.master();
		master.commands().set("key", "value");
		Replication.awaitCaughtUp(master, setup.replica());
		assertThat(setup.replica().commands().get("key")).isEqualTo("value");
		assertThat(Replication.connectedMasterPort(setup.replica())).contains(master.port());
		assertThat(setup.sentinelAddresses().split(",")).hasSize(3)
			.allMatch((address) -> address.startsWith("127.0.0.1:"));
	}

	@Test
	void killMaster_sentinelsPromoteTheReplicaWithTheDataAndHealMakesTheOldMasterItsReplica() {
		RedisTestSentinel setup = redis.sentinel();
		LocalRedisNode master = setup.master();
		master.commands().set("key", "value");
		Failover failover = setup.killMaster();
		Instant promotion = failover.awaitPromotion(Duration.ofSeconds(30));
		assertThat(promotion).isAfter(failover.killedAt());
		LocalRedisNode successor = failover.successor();
		assertThat(successor.commands().get("key")).isEqualTo("value");
		await().atMost(Duration.ofSeconds(10)).until(() -> setup.master() == successor);
		setup.heal();
		assertThat(setup.master()).isSameAs(successor);
		assertThat(Replication.connectedMasterPort(master)).contains(successor.port());
	}

}
