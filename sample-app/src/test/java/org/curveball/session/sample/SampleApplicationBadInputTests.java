package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

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
 * The sample fed what it must not trust: stored data that is not a session, and sessions
 * over {@code max-size} (1 KB here). Cookie values that cannot be a session id are
 * {@code AbstractSessionApiTests}'s, which both samples pass.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.embedded-redis.enabled=false", "curveball.session.redis.max-size=1KB" })
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationBadInputTests extends AbstractSampleHttpTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring stored session")
		.andPossiblyReconnecting();

	/**
	 * The id of a session that exists, in each test, with a {@code +} and a {@code /}
	 * that its cookie value percent-encodes.
	 */
	static final String ID = "ab+/cdefghijklmnopqrstuvwxyzABCDEFGHIJKL+/0=";

	static final String ENCODED = SetCookie.encodeURIComponent(ID);

	static final String STORED = "{\"user\":\"ada\"}";

	private static final Pattern FINGERPRINT = Pattern.compile("\\b[0-9a-f]{12}\\b");

	@BeforeEach
	void storeSessionOfId() {
		redis.commands().setex("session-" + ID, 3600, STORED);
	}

	@Nested
	class StoredData {

		static Stream<Arguments> storedValuesThatAreNotASession() {
			return Stream.of(storedString("not JSON", "not json"), storedString("empty", ""),
					storedString("an array", "[\"user\",\"ada\"]"), storedString("a number", "42"),
					storedString("a string", "\"ada\""), storedString("null", "null"), storedString("true", "true"),
					storedString("truncated JSON", "{\"user\":\"ad"),
					storedString("an object and more", "{\"user\":\"ada\"} {\"admin\":true}"),
					stored("not UTF-8",
							(commands, key) -> commands.eval("redis.call('SET', KEYS[1], '{\"\\255\\254\"}')",
									ScriptOutputType.STATUS, key)),
					stored("a Redis hash", (commands, key) -> commands.hset(key, "user", "ada")),
					stored("a Redis list", (commands, key) -> commands.rpush(key, "{\"user\":\"ada\"}")));
		}

		private static Arguments storedString(String name, String value) {
			return stored(name, (commands, key) -> commands.set(key, value));
		}

		private static Arguments stored(String name, BiConsumer<RedisCommands<String, String>, String> store) {
			return Arguments.argumentSet(name, store);
		}

		@ParameterizedTest
		@MethodSource("storedValuesThatAreNotASession")
		void storedValueThatIsNotASession_readsAsNoSessionIsLoggedOnceAndIsReplacedUnderANewId(
				BiConsumer<RedisCommands<String, String>, String> store, CapturedOutput output) {
			String id = SampleApplicationTests.wellFormedId();
			store.accept(redis.commands(), "session-" + id);
			String cookie = "CB=" + SetCookie.encodeURIComponent(id);
			int printed = output.getOut().length();
			int warned = warnings.messages().size();
			HttpResponse<String> read = http().get("/api/session").cookie(cookie).send();
			List<String> lines = output.getOut().substring(printed).lines().filter((line) -> !line.isBlank()).toList();
			List<String> warningsOfRead = warnings.messages().subList(warned, warnings.messages().size());
			assertThat(read.statusCode()).as(read::body).isEqualTo(200);
			assertThat(Json.read(read.body())).isEqualTo(Json.read("{}"));
			assertThat(lines).as("lines logged besides the expected warning").isEmpty();
			assertThat(warningsOfRead).as("warnings logged").hasSize(1);
			assertThat(warningsOfRead.get(0)).containsPattern(FINGERPRINT);
			SessionIdLeaks.assertNoSessionId("the log", warningsOfRead.get(0), List.of(id));
			HttpResponse<String> write = http().put("/api/session/user", "\"ada\"").cookie(cookie).send();
			assertThat(write.statusCode()).as(write::body).isEqualTo(200);
			SetCookie created = SetCookie.only(write);
			assertThat(created.sessionId()).isNotEqualTo(id);
			assertThat(Json.read(redis.commands().get("session-" + created.sessionId())))
				.isEqualTo(Json.read("{\"user\":\"ada\"}"));
			HttpResponse<String> readBack = http().get("/api/session").cookie(created.pair()).send();
			assertThat(Json.read(readBack.body())).isEqualTo(Json.read("{\"user\":\"ada\"}"));
		}

	}

	@Nested
	class MaxSize {

		private static final String TWO_KB = "\"" + "x".repeat(2048) + "\"";

		@Test
		void writeOverMaxSize_isA500NamingThePropertyAndLeavesTheSessionUnchanged() {
			HttpResponse<String> response = http().put("/api/session/big", TWO_KB).cookie("CB=" + ENCODED).send();
			JsonNode problem = ProblemResponses.assertCleanProblem(response, 500, List.of(ID));
			assertThat(problem.path("detail").asString()).contains("curveball.session.redis.max-size");
			assertThat(SetCookie.all(response)).isEmpty();
			assertThat(redis.commands().get("session-" + ID)).isEqualTo(STORED);
			HttpResponse<String> read = http().get("/api/session").cookie("CB=" + ENCODED).send();
			assertThat(Json.read(read.body())).isEqualTo(Json.read(STORED));
		}

		@Test
		void firstWriteOverMaxSize_isA500AndCreatesNoSession() {
			HttpResponse<String> response = http().put("/api/session/big", TWO_KB).send();
			JsonNode problem = ProblemResponses.assertCleanProblem(response, 500, List.of(ID));
			assertThat(problem.path("detail").asString()).contains("curveball.session.redis.max-size");
			assertThat(SetCookie.all(response)).isEmpty();
			assertThat(redis.commands().keys("*")).containsExactly("session-" + ID);
		}

		@Test
		void writeUnderMaxSize_isSaved() {
			String nearlyOneKb = "\"" + "x".repeat(900) + "\"";
			HttpResponse<String> response = http().put("/api/session/big", nearlyOneKb).cookie("CB=" + ENCODED).send();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(Json.read(redis.commands().get("session-" + ID)).path("big").asString()).hasSize(900);
		}

	}

}
