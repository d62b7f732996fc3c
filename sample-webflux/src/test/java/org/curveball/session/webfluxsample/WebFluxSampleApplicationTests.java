package org.curveball.session.webfluxsample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.sample.testing.AbstractSessionApiTests;
import org.curveball.session.sample.testing.RedisCommandCount;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample over real HTTP against a real Redis, with the starter's defaults:
 * the same checks as the servlet sample's ({@link AbstractSessionApiTests}: the JSON API,
 * its cookie, the Redis commands each request costs, regenerate, end, CSRF, malformed
 * cookies), with BlockHound installed, and its own home page.
 * <p>
 * Reactor Netty accepts request headers of up to 16 KB here, so that an 8 KB cookie
 * reaches the application instead of being refused by the server.
 */
@WebFluxSampleTest(args = "--server.max-http-request-header-size=16KB")
class WebFluxSampleApplicationTests extends AbstractSessionApiTests {

	/**
	 * Reactor Netty refuses a {@code Cookie} header with a control character with a
	 * {@code 400} and a warning, before the application sees the request.
	 */
	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from("reactor.netty.http.server.HttpServerOperations",
			"Decoding failed");

	@Test
	void homePage_withCookieOfLiveSession_costsNoRedisCommand() {
		SetCookie cookie = createSession("user", "\"ada\"");
		RedisCommandCount count = RedisCommandCount.start(redis);
		HttpResponse<String> home = http().get("/").cookie(cookie.pair()).send();
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("<a href=\"/login\">");
		assertThat(SetCookie.all(home)).isEmpty();
		assertThat(count.commandsSinceStart()).isEmpty();
	}

}
