package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.RedisTestCluster;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a real Redis Cluster through the application's connection, configured as
 * a new user would, with {@code spring.data.redis.cluster.nodes} alone: sessions spread
 * over the masters, every session operation works, and concurrent writers lose nothing.
 */
class SampleApplicationClusterTests extends AbstractSampleClusterTests {

	@DynamicPropertySource
	static void clusterNodes(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.cluster.nodes", () -> redisCluster.cluster().nodeAddresses());
	}

	@Test
	void sessions_spreadOverEveryMaster() {
		RedisTestCluster cluster = redisCluster.cluster();
		List<SetCookie> cookies = IntStream.range(0, 24)
			.mapToObj((i) -> createSession("n", Integer.toString(i)))
			.toList();
		for (int i = 0; i < cookies.size(); i++) {
			assertThat(Json.read(storedOnCluster(cookies.get(i)))).isEqualTo(Json.read("{\"n\":" + i + "}"));
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
		assertThat(Json.read(storedOnCluster(renewed))).isEqualTo(Json.read("{\"user\":\"ada\",\"lang\":\"en\"}"));
		HttpResponse<String> ended = http().delete("/api/session").cookie(renewed.pair()).send();
		assertThat(ended.statusCode()).isEqualTo(204);
		assertThat(cluster.masterOf(key(renewed)).commands().exists(key(renewed))).isZero();
	}

	@Test
	void concurrentWritersToSessionsOnEveryMaster_loseNothing() {
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
			assertThat(Json.read(storedOnCluster(cookie))).isEqualTo(Json.read(expected));
		}
	}

}
