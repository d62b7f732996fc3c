package org.curveball.session.webfluxsample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.curveball.session.core.LazySession;
import org.curveball.session.sample.testing.AbstractSampleHttpTests;
import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.ExpectedWarnings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample fed stored data that is not a session: it reads as no session, and a
 * write moves to a new id. (Cookie values that cannot be a session id are
 * {@link WebFluxSampleApplicationTests}'s.)
 */
@WebFluxSampleTest
class WebFluxSampleApplicationBadInputTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring stored session");

	static final String ID = "ab+/cdefghijklmnopqrstuvwxyzABCDEFGHIJKL+/0=";

	static final String STORED = "{\"user\":\"ada\"}";

	@BeforeEach
	void storeSessionOfId() {
		redis.commands().setex("session-" + ID, 3600, STORED);
	}

	@Test
	void storedValueThatIsNotAJsonObject_readsAsNoSessionAndAWriteMovesToANewId() {
		redis.commands().setex("session-" + ID, 3600, "[\"not\",\"a\",\"session\"]");
		String cookie = "CB=" + SetCookie.encodeURIComponent(ID);
		HttpResponse<String> read = http().get("/api/session").cookie(cookie).send();
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(Json.read(read.body())).isEqualTo(Json.read("{}"));
		HttpResponse<String> write = http().put("/api/session/user", "\"ada\"").cookie(cookie).send();
		assertThat(SetCookie.only(write).sessionId()).isNotEqualTo(ID);
	}

}
