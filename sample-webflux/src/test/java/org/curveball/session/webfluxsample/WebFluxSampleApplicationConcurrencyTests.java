package org.curveball.session.webfluxsample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests of one session that meet on the WebFlux sample: concurrent writes of distinct
 * keys all land, and a sign-out racing a write that is still in flight stays a sign-out.
 */
@WebFluxSampleTest
class WebFluxSampleApplicationConcurrencyTests extends AbstractSampleHttpTests {

	private static final int WRITERS = 64;

	@Test
	void concurrentWritersOfDistinctKeys_loseNothing() {
		SetCookie cookie = createSession("start", "0");
		ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
		try {
			List<CompletableFuture<HttpResponse<String>>> writes = IntStream.range(0, WRITERS)
				.mapToObj((n) -> CompletableFuture.supplyAsync(
						() -> http().put("/api/session/k" + n, Integer.toString(n)).cookie(cookie.pair()).send(),
						threads))
				.toList();
			writes.forEach((write) -> assertThat(write.join().statusCode()).as(write.join()::body).isEqualTo(200));
		}
		finally {
			threads.shutdownNow();
		}
		JsonNode stored = Json.read(stored(cookie.sessionId()));
		assertThat(stored.propertyNames()).hasSize(WRITERS + 1);
		IntStream.range(0, WRITERS).forEach((n) -> assertThat(stored.path("k" + n).asInt()).isEqualTo(n));
	}

	/**
	 * A writer sends its request's head, and so makes the sample load the session, but
	 * holds its body back; the session ends meanwhile; then the body comes. The write
	 * must not bring the ended session back under its old id.
	 * @throws IOException if the slow writer's connection fails
	 */
	@Test
	void endRacingASlowWriter_staysEnded() throws IOException {
		SetCookie cookie = createSession("user", "\"ada\"");
		String body = "\"late\"";
		try (Socket writer = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			writer.setSoTimeout(30_000);
			OutputStream out = writer.getOutputStream();
			out.write(("PUT /api/session/late HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nCookie: " + cookie.pair()
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			awaitLoaded();
			HttpResponse<String> ended = http().delete("/api/session").cookie(cookie.pair()).send();
			assertThat(ended.statusCode()).isEqualTo(204);
			assertThat(redis.commands().exists("session-" + cookie.sessionId())).isZero();
			out.write(body.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String response = readAll(writer.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 ");
		}
		assertThat(redis.commands().exists("session-" + cookie.sessionId())).as("the ended session's key").isZero();
		HttpResponse<String> after = http().get("/api/session").cookie(cookie.pair()).send();
		assertThat(Json.read(after.body())).isEqualTo(Json.read("{}"));
	}

	private void awaitLoaded() {
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (redis.commandCalls().getOrDefault("getex", 0L) == 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	private static String readAll(InputStream in) {
		try {
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
