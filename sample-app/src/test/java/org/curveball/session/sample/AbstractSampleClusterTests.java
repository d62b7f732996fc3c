package org.curveball.session.sample;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.sample.FailoverTraffic.StoredSession;
import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.Failover;
import org.curveball.session.testing.LocalRedisNode;
import org.curveball.session.testing.RedisClusterExtension;
import org.curveball.session.testing.RedisTestCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Base of the tests that run the sample with its sessions on a real Redis Cluster of
 * three masters with a replica each, configured with the node list alone: a master that
 * dies costs its own sessions a few seconds of {@code 503} and nothing else.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.embedded-redis.enabled=false")
abstract class AbstractSampleClusterTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@RegisterExtension
	static final RedisClusterExtension redisCluster = new RedisClusterExtension();

	@Autowired
	CurveballSessionRedisProperties properties;

	@Test
	void masterFailover_othersServedThroughout_itsSessionsOnly503ThenServedWithinSecondsOfThePromotion(
			CapturedOutput output) {
		RedisTestCluster cluster = redisCluster.cluster();
		List<StoredSession> sessions = IntStream.range(0, 18)
			.mapToObj((i) -> new StoredSession(createSession("n", Integer.toString(i)), "{\"n\":" + i + "}"))
			.toList();
		LocalRedisNode victim = cluster.masterOf(key(sessions.get(0).cookie()));
		Map<Boolean, List<StoredSession>> onVictim = sessions.stream()
			.collect(Collectors.partitioningBy((session) -> cluster.masterOf(key(session.cookie())) == victim));
		Failover failover = cluster.killMaster(victim);
		FailoverTraffic traffic = FailoverTraffic.drive(http(), failover, onVictim.get(true), onVictim.get(false));
		traffic.assertRecoveredInTime("Redis Cluster", this.properties.getTimeout());
		traffic.assertLoggedNothingElse(output);
	}

	static String key(SetCookie cookie) {
		return "session-" + cookie.sessionId();
	}

	static String storedOnCluster(SetCookie cookie) {
		RedisTestCluster cluster = redisCluster.cluster();
		return cluster.masterOf(key(cookie)).commands().get(key(cookie));
	}

}
