package org.curveball.session.json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.MalformedSessionException;
import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionCommit;
import org.curveball.session.core.SessionCommit.Outcome;
import org.curveball.session.testing.AbstractRedisSessionsTests;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RandomInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests for reading stored sessions: {@link SessionCodec#read} fails on any input
 * only with {@link MalformedSessionException}, and a session whose stored value is
 * garbage reads as empty from a real Redis and is replaced under a new id. See
 * {@link RandomInputs} to reproduce a failure.
 */
class SessionCodecFuzzTests extends AbstractRedisSessionsTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring stored session");

	private static final int TRIES = 2000;

	private static final int REDIS_TRIES = 200;

	private static final String JSON_TOKENS = "{}[]\":,\\ 0123456789.eE+-truefalsn\u00e9\u0000";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final SessionCodec codec = new SessionCodec(mapper);

	@Test
	void read_anyString_returnsValuesOrThrowsMalformedSessionException() {
		RandomInputs.forAll(TRIES, RandomInputs::string, SessionCodecFuzzTests::assertReadsOrIsMalformed);
	}

	@Test
	void read_anyJsonLikeString_returnsValuesOrThrowsMalformedSessionException() {
		RandomInputs.forAll(TRIES, SessionCodecFuzzTests::jsonLike, SessionCodecFuzzTests::assertReadsOrIsMalformed);
	}

	@Test
	void read_anyBytesAsUtf8_returnsValuesOrThrowsMalformedSessionException() {
		RandomInputs.forAll(TRIES, RandomInputs::bytes,
				(bytes) -> assertReadsOrIsMalformed(new String(bytes, StandardCharsets.UTF_8)));
	}

	@Test
	void read_truncatedSession_throwsMalformedSessionException() {
		RandomInputs.forAll(TRIES, SessionCodecFuzzTests::truncatedSession,
				(json) -> assertThat(readOutcome(json)).isEqualTo(MalformedSessionException.class));
	}

	@Test
	void lazySession_storedGarbage_readsAsEmptyAndWritesUnderNewId() {
		RandomInputs.forAll(REDIS_TRIES, SessionCodecFuzzTests::garbage, (stored) -> {
			String id = sessions.stored(stored);
			LazySession session = sessions.request(id);
			assertThat(session.isEmpty()).isTrue();
			session.put("userId", 5);
			SessionCommit commit = session.commit();
			assertThat(commit.outcome()).isEqualTo(Outcome.CREATED);
			assertThat(commit.id()).isNotEqualTo(id);
		});
	}

	/**
	 * Up to 40 characters of JSON's punctuation, digits and literals' letters.
	 */
	private static String jsonLike(RandomInputs inputs) {
		return inputs.string(JSON_TOKENS, 0, 40);
	}

	/**
	 * A session of up to five values in JSON, cut short by at least one character.
	 */
	private static String truncatedSession(RandomInputs inputs) {
		Map<String, Object> values = new LinkedHashMap<>();
		int size = inputs.size(0, 5);
		for (int i = 0; i < size; i++) {
			values.put(inputs.string(0, 8), value(inputs));
		}
		String json = mapper.writeValueAsString(values);
		return json.substring(0, inputs.between(0, json.length() - 1));
	}

	/**
	 * A stored value that is no session: text that is not an object, JSON-like text that
	 * does not start an object, a truncated session, or a JSON scalar or array.
	 */
	private static String garbage(RandomInputs inputs) {
		return inputs.oneOf(
				(notAnObject) -> notAnObject.matching(RandomInputs::string,
						(value) -> !(value.strip().startsWith("{") && value.strip().endsWith("}"))),
				(notAnObject) -> notAnObject.matching(SessionCodecFuzzTests::jsonLike,
						(value) -> !value.strip().startsWith("{")),
				SessionCodecFuzzTests::truncatedSession, (scalar) -> mapper.writeValueAsString(value(scalar)));
	}

	/**
	 * A session value: a string, a number, a boolean or a list of strings.
	 */
	private static Object value(RandomInputs inputs) {
		return inputs.oneOf((string) -> string.string(0, 10), RandomInputs::anyInt, RandomInputs::anyDouble,
				RandomInputs::anyBoolean, (list) -> list.list(0, 3, (element) -> element.string(0, 5)));
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
