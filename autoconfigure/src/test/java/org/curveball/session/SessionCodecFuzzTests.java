package org.curveball.session;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.SessionCommit.Outcome;
import org.curveball.session.testing.RedisTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests for reading stored sessions: {@link SessionCodec#read} fails on any
 * input only with {@link MalformedSessionException}, and a session whose stored value is
 * garbage reads as empty from a real Redis and is replaced under a new id.
 * <p>
 * jqwik runs outside JUnit Jupiter's extensions, so this class starts its own
 * {@link RedisTestServer}.
 */
class SessionCodecFuzzTests {

	private static final String JSON_TOKENS = "{}[]\":,\\ 0123456789.eE+-truefalsn\u00e9\u0000";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final SessionCodec codec = new SessionCodec(mapper);

	private static RedisTestServer server;

	private static RedisSessions sessions;

	@BeforeContainer
	static void startRedis() {
		server = RedisTestServer.startNew();
		sessions = RedisSessions.open(server);
	}

	@AfterContainer
	static void stopRedis() {
		sessions.close();
		server.close();
	}

	@Property(tries = 2000)
	void read_anyString_returnsValuesOrThrowsMalformedSessionException(@ForAll String json) {
		assertReadsOrIsMalformed(json);
	}

	@Property(tries = 2000)
	void read_anyJsonLikeString_returnsValuesOrThrowsMalformedSessionException(@ForAll("jsonLike") String json) {
		assertReadsOrIsMalformed(json);
	}

	@Property(tries = 2000)
	void read_anyBytesAsUtf8_returnsValuesOrThrowsMalformedSessionException(@ForAll byte[] bytes) {
		assertReadsOrIsMalformed(new String(bytes, StandardCharsets.UTF_8));
	}

	@Property(tries = 2000)
	void read_truncatedSession_throwsMalformedSessionException(@ForAll("truncatedSessions") String json) {
		assertThat(readOutcome(json)).isEqualTo(MalformedSessionException.class);
	}

	@Property(tries = 200)
	void lazySession_storedGarbage_readsAsEmptyAndWritesUnderNewId(@ForAll("garbage") String stored) {
		String id = sessions.stored(stored);
		LazySession session = sessions.request(id);
		assertThat(session.isEmpty()).isTrue();
		session.put("userId", 5);
		SessionCommit commit = session.commit();
		assertThat(commit.outcome()).isEqualTo(Outcome.CREATED);
		assertThat(commit.id()).isNotEqualTo(id);
	}

	@Provide
	Arbitrary<String> jsonLike() {
		return Arbitraries.strings().withChars(JSON_TOKENS).ofMaxLength(40);
	}

	@Provide
	Arbitrary<String> truncatedSessions() {
		Arbitrary<String> sessionJson = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), values())
			.ofMaxSize(5)
			.map(mapper::writeValueAsString);
		return sessionJson.flatMap((json) -> Arbitraries.integers()
			.between(0, json.length() - 1)
			.map((length) -> json.substring(0, length)));
	}

	@Provide
	Arbitrary<String> garbage() {
		Arbitrary<String> notAnObject = Arbitraries.strings()
			.filter((value) -> !(value.strip().startsWith("{") && value.strip().endsWith("}")));
		Arbitrary<String> scalarsAndArrays = values().map(mapper::writeValueAsString);
		return Arbitraries.oneOf(notAnObject, jsonLike().filter((value) -> !value.strip().startsWith("{")),
				truncatedSessions(), scalarsAndArrays);
	}

	private static Arbitrary<Object> values() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10), Arbitraries.integers(), Arbitraries.doubles(),
				Arbitraries.of(true, false), Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(3));
	}

	private static void assertReadsOrIsMalformed(String json) {
		assertThat(readOutcome(json)).isIn(Map.class, MalformedSessionException.class);
	}

	private static Class<?> readOutcome(String json) {
		try {
			codec.read(json);
			return Map.class;
		}
		catch (MalformedSessionException ex) {
			return MalformedSessionException.class;
		}
	}

}
