package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.curveball.session.core.LazySession;
import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.ProblemResponses;
import org.curveball.session.sample.testing.SessionIdLeaks;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's defences, over real HTTP: the cookie's attributes, behind a proxy too; the
 * absolute session lifetime (two seconds here); stored type ids that stay data; and a
 * log, at the starter's most detailed level, that never names a session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.embedded-redis.enabled=false", "server.forward-headers-strategy=native",
				"curveball.session.redis.max-lifetime=2s", "curveball.session.redis.timeout=1s",
				"logging.level.org.curveball=trace" })
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationSecurityTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring session value")
		.and(LazySession.class, "Ignoring stored session")
		.and("org.curveball.session.web.servlet.SessionSavingResponse", "Session could not be saved")
		.andPossiblyReconnecting();

	@Test
	void cookie_isHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() {
		SetCookie cookie = createSession("user", "\"ada\"");
		assertThat(cookie.header()).contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure");
	}

	@Test
	void cookie_isSecureWhenTheProxySaysTheRequestCameOverHttps() {
		HttpResponse<String> response = http().put("/api/session/user", "\"ada\"")
			.header("X-Forwarded-Proto", "https")
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SetCookie.only(response).header()).contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=Lax");
	}

	@Test
	void maxLifetime_endsASessionInUseWhileItsIdleExpiryWouldKeepIt() throws InterruptedException {
		SetCookie cookie = createSession("user", "\"ada\"");
		String key = "session-" + cookie.sessionId();
		int reads = 0;
		long idleExpiryLeft = 0;
		HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
		while (Json.read(read.body()).equals(Json.read("{\"user\":\"ada\"}")) && reads < 40) {
			reads++;
			idleExpiryLeft = redis.commands().pttl(key);
			Thread.sleep(250);
			read = http().get("/api/session").cookie(cookie.pair()).send();
		}
		assertThat(reads).as("reads that found the session before it ended").isGreaterThan(1);
		assertThat(idleExpiryLeft).as("milliseconds of idle expiry left at the last of them").isGreaterThan(3_000_000L);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(Json.read(read.body())).as("the session after its maximum lifetime").isEqualTo(Json.read("{}"));
		assertThat(SetCookie.only(read).header()).contains("Max-Age=0");
		assertThat(redis.commands().exists(key)).isZero();
	}

	@Test
	void storedTypeIds_offTheAllowListReadAsAbsentStayStoredAndInstantiateNothing(@TempDir Path directory) {
		String marker = directory.resolve("pwned").toString();
		String command = "{\"command\":[\"touch\",\"" + marker + "\"]}";
		String payload = "{\"x\":{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"touch\",\"" + marker + "\"]},"
				+ "\"y\":[\"java.lang.ProcessBuilder\"," + command + "]," + "\"z\":{\"java.lang.ProcessBuilder\":"
				+ command + "}," + "\"w\":{\"@type\":\"java.lang.ProcessBuilder\",\"@c\":\".ProcessBuilder\"}}";
		String id = SampleApplicationTests.wellFormedId();
		redis.commands().setex("session-" + id, 3600, payload);
		String cookie = "CB=" + SetCookie.encodeURIComponent(id);
		HttpResponse<String> read = http().get("/api/session").cookie(cookie).send();
		assertThat(read.statusCode()).as(read::body).isEqualTo(200);
		assertThat(Json.read(read.body())).isEqualTo(Json.read(payload.replaceFirst("\\{\"@class\"[^}]*}", "null")));
		HttpResponse<String> update = http().put("/api/session/user", "\"ada\"").cookie(cookie).send();
		assertThat(update.statusCode()).as(update::body).isEqualTo(200);
		assertThat(Json.read(redis.commands().get("session-" + id)).path("x")).isEqualTo(Json.read(payload).path("x"));
		assertThat(directory.resolve("pwned")).doesNotExist();
	}

	@Test
	void log_neverHoldsASessionIdInClear(CapturedOutput output) {
		List<String> ids = new ArrayList<>();
		SetCookie created = createSession("user", "\"ada\"");
		ids.add(created.sessionId());
		http().get("/api/session").cookie(created.pair()).send();
		SetCookie regenerated = SetCookie.only(http().post("/api/session/regenerate").cookie(created.pair()).send());
		ids.add(regenerated.sessionId());
		String unknown = storedUnder(ids, null);
		SetCookie adopted = SetCookie
			.only(http().put("/api/session/user", "\"mallory\"").cookie("CB=" + unknown).send());
		ids.add(adopted.sessionId());
		String corrupt = storedUnder(ids, "{\"user\":");
		http().get("/api/session").cookie("CB=" + corrupt).send();
		String outlived = storedUnder(ids, "{\"__created\":0,\"user\":\"ada\"}");
		http().get("/api/session").cookie("CB=" + outlived).send();
		assertCleanProblem(http().post("/api/session/csrf-check")
			.cookie(regenerated.pair())
			.header("X-CSRF-Token", SampleApplicationTests.wellFormedId())
			.send(), 403, ids);
		assertCleanProblem(
				http().put("/api/session/big", "\"" + "x".repeat(200_000) + "\"").cookie(regenerated.pair()).send(),
				500, ids);
		http().delete("/api/session").cookie(adopted.pair()).send();
		redis.stop();
		assertCleanProblem(http().get("/api/session").cookie(regenerated.pair()).send(), 503, ids);
		assertCleanProblem(http().put("/api/session/lang", "\"en\"").cookie(regenerated.pair()).send(), 503, ids);
		assertCleanProblem(http().put("/api/session/lang", "\"en\"").send(), 503, ids);
		assertCleanProblem(http().delete("/api/session").cookie(regenerated.pair()).send(), 503, ids);
		redis.start();
		http().get("/api/session").cookie(regenerated.pair()).send();
		String log = output.getAll() + String.join("\n", warnings.messages());
		assertThat(log).as("what the starter logged about the corrupt session")
			.containsPattern("session [0-9a-f]{12}\\b");
		SessionIdLeaks.assertNoSessionId("the log", log, ids);
	}

	private static String storedUnder(List<String> ids, String json) {
		String id = SampleApplicationTests.wellFormedId();
		ids.add(id);
		if (json != null) {
			redis.commands().setex("session-" + id, 3600, json);
		}
		return SetCookie.encodeURIComponent(id);
	}

	private static void assertCleanProblem(HttpResponse<String> response, int status, List<String> ids) {
		ProblemResponses.assertCleanProblem(response, status, ids);
	}

}
