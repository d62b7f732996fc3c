package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lettuce.core.protocol.ConnectionWatchdog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.autoconfigure.CurveballSessionRedisProperties;
import org.curveball.session.sample.FailoverTraffic.StoredSession;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a real Redis Cluster of three masters with a replica each, configured
 * with the node list alone ({@code spring.data.redis.cluster.nodes}), as a new user
 * would: sessions spread over the masters, every session operation works, and a master
 * that dies costs its own sessions a few seconds of {@code 503} and nothing else.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.embedded-redis.enabled=false")
class SampleClusterTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possibly(ConnectionWatchdog.class, "Cannot reconnect")
		.andPossibly("io.lettuce.core.cluster.topology.DefaultClusterTopologyRefresh", "Unable to connect");

	@RegisterExtension
	static final RedisClusterExtension redisCluster = new RedisClusterExtension();

	@Autowired
	CurveballSessionRedisProperties properties;

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.cluster.nodes", () -> redisCluster.cluster().nodeAddresses());
	}

	@Test
	void sessions_spreadOverEveryMaster() {
		RedisTestCluster cluster = redisCluster.cluster();
		List<SetCookie> cookies = IntStream.range(0, 24)
			.mapToObj((i) -> createSession("n", Integer.toString(i)))
			.toList();
		for (int i = 0; i < cookies.size(); i++) {
			assertThat(Json.read(storedOn(cluster, cookies.get(i)))).isEqualTo(Json.read("{\"n\":" + i + "}"));
		}
		assertThat(cookies.stream().map((cookie) -> cluster.masterOf(key(cookie))).distinct())
			.containsExactlyInAnyOrderElementsOf(cluster.masters());
	}

	@Test
	void readWriteRegenerateDelete_work() {
		RedisTestCluster cluster = redisCluster.cluster();
		SetCookie cookie = createSession("user", "\"ada\"");
		HttpResponse<String> updated = http().put("/api/session/lang", "\"en\"").cookie(cookie.pair()).send();
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(SetCookie.all(updated)).isEmpty();
		assertThat(Json.read(http().get("/api/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
		HttpResponse<String> regenerated = http().post("/api/session/regenerate").cookie(cookie.pair()).send();
		SetCookie renewed = SetCookie.only(regenerated);
		assertThat(renewed.sessionId()).isNotEqualTo(cookie.sessionId());
		assertThat(cluster.masterOf(key(cookie)).commands().exists(key(cookie))).isZero();
		assertThat(Json.read(storedOn(cluster, renewed))).isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
		HttpResponse<String> ended = http().delete("/api/session").cookie(renewed.pair()).send();
		assertThat(ended.statusCode()).isEqualTo(204);
		assertThat(cluster.masterOf(key(renewed)).commands().exists(key(renewed))).isZero();
	}

	@Test
	void concurrentWritersToSessionsOnEveryMaster_loseNothing() {
		RedisTestCluster cluster = redisCluster.cluster();
		List<SetCookie> cookies = IntStream.range(0, 6).mapToObj((i) -> createSession("owner", "\"w\"")).toList();
		int writers = 8;
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		try {
			List<CompletableFuture<HttpResponse<String>>> writes = cookies.stream()
				.flatMap((cookie) -> IntStream.range(0, writers)
					.mapToObj((writer) -> CompletableFuture
						.supplyAsync(() -> http().put("/api/session/w" + writer, Integer.toString(writer))
							.cookie(cookie.pair())
							.send(), executor)))
				.toList();
			assertThat(writes).allSatisfy((write) -> assertThat(write.join().statusCode()).isEqualTo(200));
		}
		finally {
			executor.shutdownNow();
		}
		String expected = IntStream.range(0, writers)
			.mapToObj((writer) -> "\"w" + writer + "\":" + writer)
			.collect(Collectors.joining(",", "{\"owner\":\"w\",", "}"));
		for (SetCookie cookie : cookies) {
			assertThat(Json.read(storedOn(cluster, cookie))).isEqualTo(Json.read(expected));
		}
	}

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

	private static String key(SetCookie cookie) {
		return "session-" + cookie.sessionId();
	}

	private static String storedOn(RedisTestCluster cluster, SetCookie cookie) {
		return cluster.masterOf(key(cookie)).commands().get(key(cookie));
	}

}
