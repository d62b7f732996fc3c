package org.curveball.session.sample;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.ProblemResponses;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.PersistentRedis;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault test of issue 4: Redis is stopped for two seconds and started again while
 * eight clients keep writing to and reading their own sessions. Afterwards every failure
 * the clients saw must have been a clean {@code 503}, and every value the application
 * acknowledged must still be in its session.
 * <p>
 * Sessions use a connection of their own ({@code curveball.session.redis.host} and
 * {@code port}) with a command timeout of one second; Redis persists every write, as a
 * production Redis with persistence does. The load is bounded: each client stops after
 * its writes after the outage, or after 15 seconds.
 */
@PersistentRedis
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "sample.embedded-redis.enabled=false",
		"curveball.session.redis.timeout=1s", "spring.data.redis.host=127.0.0.1" })
class SampleApplicationRedisOutageTests extends AbstractSessionOnlyRedisSampleTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.possiblyReconnecting();

	private static final int CLIENTS = 8;

	private static final int WRITES_BEFORE = 10;

	private static final int WRITES_AFTER = 10;

	private static final Duration OUTAGE = Duration.ofSeconds(2);

	private static final Duration BOUND = Duration.ofSeconds(15);

	@Test
	void redisStoppedAndStartedUnderLoad_everyFailureIsAClean503AndNothingAcknowledgedIsLost() throws Exception {
		SampleClient http = new SampleClient("http://127.0.0.1:" + this.port);
		Outage outage = new Outage(System.nanoTime() + BOUND.toNanos());
		List<LoadClient> clients = IntStream.range(0, CLIENTS)
			.mapToObj((n) -> new LoadClient(http, n, outage))
			.toList();
		ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<?>> running = new ArrayList<>();
			clients.forEach((client) -> running.add(threads.submit(client::run)));
			assertThat(outage.warmedUp.await(BOUND.toSeconds(), TimeUnit.SECONDS))
				.as("every client wrote %d values before the outage", WRITES_BEFORE)
				.isTrue();
			outage.phase = Phase.DOWN;
			redis.stop();
			Thread.sleep(OUTAGE.toMillis());
			redis.start();
			outage.phase = Phase.BACK;
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		List<String> unexpected = new ArrayList<>();
		clients.forEach((client) -> unexpected.addAll(client.unexpected));
		assertThat(unexpected).as("responses other than 200, 204 or a clean 503, and values lost").isEmpty();
		assertThat(clients.stream().mapToInt((client) -> client.clean503s).sum()).as("clean 503s during the outage")
			.isPositive();
		for (LoadClient client : clients) {
			assertThat(client.acknowledgedBeforeStop).as("values acknowledged before Redis stopped").isNotEmpty();
			assertThat(client.writesAfterOutage).as("values acknowledged once Redis was back")
				.isGreaterThanOrEqualTo(WRITES_AFTER);
			JsonNode stored = Json.read(redis.commands().get("session-" + client.cookie.sessionId()));
			client.acknowledged.forEach((key, json) -> assertThat(stored.path(key))
				.as("stored value of %s, acknowledged %s", key,
						client.acknowledgedBeforeStop.contains(key) ? "before the outage" : "during or after it")
				.isEqualTo(Json.read(json)));
		}
	}

	enum Phase {

		BEFORE, DOWN, BACK

	}

	/**
	 * What the test thread does to Redis, as the clients see it.
	 */
	static final class Outage {

		final CountDownLatch warmedUp = new CountDownLatch(CLIENTS);

		final long deadline;

		volatile Phase phase = Phase.BEFORE;

		Outage(long deadline) {
			this.deadline = deadline;
		}

		boolean isOver() {
			return System.nanoTime() - this.deadline > 0;
		}

	}

	/**
	 * One browser: its own session, created before the outage, which it writes a new key
	 * to and reads back in a loop, remembering what the application acknowledged.
	 */
	static final class LoadClient {

		private final SampleClient http;

		private final int number;

		private final Outage outage;

		final Map<String, String> acknowledged = new LinkedHashMap<>();

		final Set<String> acknowledgedBeforeStop = new LinkedHashSet<>();

		final List<String> unexpected = new ArrayList<>();

		int clean503s;

		int writesAfterOutage;

		SetCookie cookie;

		LoadClient(SampleClient http, int number, Outage outage) {
			this.http = http;
			this.number = number;
			this.outage = outage;
			String key = "client";
			HttpResponse<String> created = http.put("/api/session/" + key, Integer.toString(number)).send();
			assertThat(created.statusCode()).isEqualTo(200);
			this.cookie = SetCookie.only(created);
			this.acknowledged.put(key, Integer.toString(number));
			this.acknowledgedBeforeStop.add(key);
		}

		void run() {
			for (int i = 0; this.writesAfterOutage < WRITES_AFTER && !this.outage.isOver(); i++) {
				Phase phase = this.outage.phase;
				String key = "k" + i;
				String json = "\"client " + this.number + " value " + i + "\"";
				HttpResponse<String> put = send(this.http.put("/api/session/" + key, json));
				if (put != null && put.statusCode() == 200) {
					this.acknowledged.put(key, json);
					if (this.outage.phase == Phase.BEFORE) {
						this.acknowledgedBeforeStop.add(key);
						if (this.acknowledgedBeforeStop.size() == WRITES_BEFORE) {
							this.outage.warmedUp.countDown();
						}
					}
					if (phase == Phase.BACK) {
						this.writesAfterOutage++;
					}
				}
				HttpResponse<String> get = send(this.http.get("/api/session"));
				if (get != null && get.statusCode() == 200) {
					checkNothingLost(get);
				}
			}
		}

		private HttpResponse<String> send(SampleClient.Call call) {
			HttpResponse<String> response;
			try {
				response = call.cookie(this.cookie.pair()).send();
			}
			catch (UncheckedIOException ex) {
				this.unexpected.add("client " + this.number + ": connection error " + ex.getCause());
				return null;
			}
			if (!SetCookie.all(response).isEmpty()) {
				this.unexpected.add("client " + this.number + ": session replaced, " + SetCookie.all(response));
			}
			int status = response.statusCode();
			if (ProblemResponses.isClean503(response)) {
				this.clean503s++;
			}
			else if (status != 200 && status != 204) {
				this.unexpected.add("client " + this.number + ": " + response.request().method() + " "
						+ response.request().uri().getPath() + " answered " + status + " " + response.body());
			}
			return response;
		}

		private void checkNothingLost(HttpResponse<String> get) {
			JsonNode values = Json.read(get.body());
			this.acknowledged.forEach((key, json) -> {
				if (!values.path(key).equals(Json.read(json))) {
					this.unexpected.add("client " + this.number + ": " + key + " acknowledged as " + json
							+ " but read back as " + values.path(key));
				}
			});
		}

	}

}
