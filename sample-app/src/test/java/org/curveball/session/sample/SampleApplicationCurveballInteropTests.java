package org.curveball.session.sample;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.CurveballNodeApp;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample and a real Curveball application (Node.js, {@code @curveball/session} with
 * {@code @curveball/session-redis}) share one Redis and the same cookie: each reads, and
 * the sample updates, the sessions the other makes.
 * <p>
 * Needs Node.js and {@code npm ci --prefix interop/curveball-node}; fails, and says so,
 * without them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.embedded-redis.enabled=false")
class SampleApplicationCurveballInteropTests extends AbstractSampleHttpTests {

	private static CurveballNodeApp curveball;

	@BeforeAll
	static void startCurveball() {
		curveball = CurveballNodeApp.start(redis.host(), redis.port());
	}

	@AfterAll
	static void stopCurveball() throws IOException {
		if (curveball != null) {
			curveball.close();
		}
	}

	@Test
	void sessionCreatedBySpring_isReadByCurveballWithTheSameCookie() {
		HttpResponse<String> created = http().put("/api/session/user", "{\"name\":\"ada\",\"admin\":true}").send();
		SetCookie cookie = SetCookie.only(created);
		HttpResponse<String> read = curveball.http().get("/session").cookie(cookie.pair()).send();
		assertThat(read.statusCode()).as(curveball::output).isEqualTo(200);
		assertThat(Json.read(read.body())).isEqualTo(Json.read("{\"user\":{\"name\":\"ada\",\"admin\":true}}"));
		assertThat(SetCookie.only(read).header()).as("Curveball's cookie for the same session")
			.isEqualTo(cookie.header());
	}

	@Test
	void sessionCreatedByCurveball_isReadAndUpdatedBySpring() {
		HttpResponse<String> created = curveball.http().put("/session/lang", "\"javascript\"").send();
		assertThat(created.statusCode()).as(curveball::output).isEqualTo(200);
		SetCookie cookie = SetCookie.only(created);
		HttpResponse<String> read = http().get("/api/session").cookie(cookie.pair()).send();
		assertThat(Json.read(read.body())).isEqualTo(Json.read("{\"lang\":\"javascript\"}"));
		HttpResponse<String> updated = http().put("/api/session/framework", "\"spring\"").cookie(cookie.pair()).send();
		assertThat(SetCookie.all(updated)).as("Spring adopts Curveball's session and its id").isEmpty();
		assertThat(redis.commands().ttl("session-" + cookie.sessionId())).isBetween(3590L, 3600L);
		HttpResponse<String> readBack = curveball.http().get("/session").cookie(cookie.pair()).send();
		assertThat(Json.read(readBack.body()))
			.isEqualTo(Json.read("{\"lang\":\"javascript\",\"framework\":\"spring\"}"));
	}

	@Test
	void sessionEndedBySpring_isGoneForCurveball() {
		SetCookie cookie = SetCookie.only(curveball.http().put("/session/user", "\"ada\"").send());
		assertThat(http().delete("/api/session").cookie(cookie.pair()).send().statusCode()).isEqualTo(204);
		HttpResponse<String> read = curveball.http().get("/session").cookie(cookie.pair()).send();
		assertThat(Json.read(read.body())).isEqualTo(Json.read("{}"));
		assertThat(SetCookie.all(read)).isEmpty();
	}

}
