package org.curveball.session.sample;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.sample.FailoverTraffic.StoredSession;
import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisSentinelExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Base of the tests that run the sample with its sessions on a real Redis Sentinel setup
 * (a master, its replica, three sentinels): when the master dies, sessions answer
 * {@code 503} until the sentinels have promoted the replica, then are served again with
 * their values.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.embedded-redis.enabled=false")
abstract class AbstractSampleSentinelTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	@RegisterExtension
	static final RedisSentinelExtension redisSentinel = new RedisSentinelExtension();

	@Autowired
	CurveballSessionRedisProperties properties;

	@Test
	void masterFailover_sessionsOnly503ThenServedWithinSecondsOfThePromotion(CapturedOutput output) {
		List<StoredSession> sessions = IntStream.range(0, 4)
			.mapToObj((i) -> new StoredSession(createSession("n", Integer.toString(i)), "{\"n\":" + i + "}"))
			.toList();
		FailoverTraffic traffic = FailoverTraffic.drive(http(), redisSentinel.sentinel().killMaster(), sessions,
				List.of());
		traffic.assertRecoveredInTime("Redis Sentinel", this.properties.getTimeout());
		traffic.assertLoggedNothingElse(output);
	}

	static String storedOnMaster(SetCookie cookie) {
		return redisSentinel.sentinel().master().commands().get("session-" + cookie.sessionId());
	}

}
