package org.curveball.session.webfluxsample;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.sample.SampleApplication;
import org.curveball.session.sample.testing.CurveballNodeApp;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.RedisServerExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One session whatever wrote it: the WebFlux sample, the servlet sample (Spring MVC on
 * Tomcat) and a real Curveball application (Node.js, {@code @curveball/session} with
 * {@code @curveball/session-redis}) share one Redis and the same cookie, and each reads
 * and updates the sessions the others create.
 * <p>
 * Both Spring samples run in this JVM from the same class path, so both read this
 * module's {@code application.yml}: the starter's defaults, which are the servlet
 * sample's too. The Curveball application needs Node.js and
 * {@code npm ci --prefix interop/curveball-node}, and fails, saying so, without them.
 */
class WebFluxSampleApplicationCrossStackTests {

	@RegisterExtension
	@Order(1)
	static final RedisServerExtension redis = new RedisServerExtension();

	@RegisterExtension
	@Order(2)
	static final WebFluxSampleInstances webflux = new WebFluxSampleInstances(redis, 1);

	private static @Nullable ConfigurableApplicationContext servlet;

	private static @Nullable CurveballNodeApp curveball;

	@BeforeAll
	static void startServletSampleAndCurveball() {
		servlet = new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--sample.embedded-redis.enabled=false", "--spring.data.redis.host=" + redis.host(),
					"--spring.data.redis.port=" + redis.port());
		curveball = CurveballNodeApp.start(redis.host(), redis.port());
	}

	@AfterAll
	static void stopServletSampleAndCurveball() throws IOException {
		if (curveball != null) {
			curveball.close();
		}
		if (servlet != null) {
			servlet.close();
		}
	}

	@Test
	void sessionCookie_isTheServletSamplesAttributeForAttribute() {
		SetCookie reactive = SetCookie.only(webflux().put("/api/session/user", "\"ada\"").send());
		SetCookie mvc = SetCookie.only(servlet().put("/api/session/user", "\"ada\"").send());
		assertThat(withoutValue(reactive)).isEqualTo(withoutValue(mvc));
	}

	@Test
	void sessionCreatedByWebFlux_isReadAndUpdatedByTheServletSample() {
		SetCookie cookie = SetCookie.only(webflux().put("/api/session/stack", "\"webflux\"").send());
		assertThat(Json.read(servlet().get("/api/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{\"stack\":\"webflux\"}"));
		HttpResponse<String> updated = servlet().put("/api/session/mvc", "true").cookie(cookie.pair()).send();
		assertThat(SetCookie.all(updated)).isEmpty();
		assertThat(Json.read(webflux().get("/api/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{\"stack\":\"webflux\",\"mvc\":true}"));
	}

	@Test
	void sessionCreatedByTheServletSample_isReadAndUpdatedByWebFlux() {
		SetCookie cookie = SetCookie.only(servlet().put("/api/session/stack", "\"mvc\"").send());
		HttpResponse<String> updated = webflux().put("/api/session/webflux", "true").cookie(cookie.pair()).send();
		assertThat(Json.read(updated.body())).isEqualTo(Json.read("{\"stack\":\"mvc\",\"webflux\":true}"));
		assertThat(SetCookie.all(updated)).isEmpty();
		assertThat(Json.read(servlet().get("/api/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{\"stack\":\"mvc\",\"webflux\":true}"));
	}

	@Test
	void sessionCreatedByWebFlux_isReadAndUpdatedByCurveball() {
		SetCookie cookie = SetCookie.only(webflux().put("/api/session/user", "{\"name\":\"ada\"}").send());
		HttpResponse<String> read = curveball().http().get("/session").cookie(cookie.pair()).send();
		assertThat(read.statusCode()).as(curveball()::output).isEqualTo(200);
		assertThat(Json.read(read.body())).isEqualTo(Json.read("{\"user\":{\"name\":\"ada\"}}"));
		assertThat(SetCookie.only(read).header()).as("Curveball's cookie for the same session")
			.isEqualTo(cookie.header());
		HttpResponse<String> updated = curveball().http()
			.put("/session/lang", "\"javascript\"")
			.cookie(cookie.pair())
			.send();
		assertThat(updated.statusCode()).as(curveball()::output).isEqualTo(200);
		assertThat(Json.read(webflux().get("/api/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{\"user\":{\"name\":\"ada\"},\"lang\":\"javascript\"}"));
	}

	@Test
	void sessionCreatedByCurveball_isReadAndUpdatedByWebFlux() {
		HttpResponse<String> created = curveball().http().put("/session/lang", "\"javascript\"").send();
		assertThat(created.statusCode()).as(curveball()::output).isEqualTo(200);
		SetCookie cookie = SetCookie.only(created);
		HttpResponse<String> updated = webflux().put("/api/session/framework", "\"webflux\"")
			.cookie(cookie.pair())
			.send();
		assertThat(SetCookie.all(updated)).as("WebFlux adopts Curveball's session and its id").isEmpty();
		assertThat(redis.commands().ttl("session-" + cookie.sessionId())).isBetween(3590L, 3600L);
		assertThat(Json.read(curveball().http().get("/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{\"lang\":\"javascript\",\"framework\":\"webflux\"}"));
	}

	@Test
	void sessionEndedByWebFlux_isGoneForCurveballAndTheServletSample() {
		SetCookie cookie = SetCookie.only(curveball().http().put("/session/user", "\"ada\"").send());
		assertThat(webflux().delete("/api/session").cookie(cookie.pair()).send().statusCode()).isEqualTo(204);
		assertThat(Json.read(curveball().http().get("/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{}"));
		assertThat(Json.read(servlet().get("/api/session").cookie(cookie.pair()).send().body()))
			.isEqualTo(Json.read("{}"));
	}

	private static String withoutValue(SetCookie cookie) {
		return cookie.header().replace(cookie.value(), "<id>");
	}

	private static SampleClient webflux() {
		return webflux.http(0);
	}

	private static SampleClient servlet() {
		assertThat(servlet).as("the servlet sample").isNotNull();
		return WebFluxSampleInstances.client(servlet);
	}

	private static CurveballNodeApp curveball() {
		assertThat(curveball).as("the Curveball application").isNotNull();
		return curveball;
	}

}
