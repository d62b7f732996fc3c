package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import io.lettuce.core.protocol.ConnectionWatchdog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.sample.FailoverTraffic.StoredSession;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisSentinelExtension;
import org.curveball.session.testing.RedisTestSentinel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a real Redis Sentinel setup (a master, its replica, three sentinels),
 * configured with Spring Boot's {@code spring.data.redis.sentinel.*} alone: sessions are
 * kept on the master, and when it dies they answer {@code 503} until the sentinels have
 * promoted the replica, then are served again with their values.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.embedded-redis.enabled=false")
class SampleSentinelTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possibly(ConnectionWatchdog.class, "Cannot reconnect");

	@RegisterExtension
	static final RedisSentinelExtension redisSentinel = new RedisSentinelExtension();

	@Autowired
	CurveballSessionRedisProperties properties;

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.sentinel.master", () -> redisSentinel.sentinel().masterName());
		registry.add("spring.data.redis.sentinel.nodes", () -> redisSentinel.sentinel().sentinelAddresses());
	}

	@Test
	void sessions_areKeptOnTheMaster() {
		RedisTestSentinel sentinel = redisSentinel.sentinel();
		SetCookie cookie = createSession("user", "\"ada\"");
		HttpResponse<String> updated = http().put("/api/session/lang", "\"en\"").cookie(cookie.pair()).send();
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(Json.read(sentinel.master().commands().get("session-" + cookie.sessionId())))
			.isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
	}

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

}
