package org.curveball.session.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.lettuce.core.SetArgs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.curveball.session.CsrfException;
import org.curveball.session.SessionIds;
import org.curveball.session.SessionStoreException;
import org.curveball.session.SessionTooLargeException;
import org.curveball.session.core.SessionCommit.Outcome;
import org.curveball.session.redis.RedisStoreConnection;
import org.curveball.session.testing.AbstractRedisSessionsTests;
import org.curveball.session.testing.ExpectedWarnings;
import org.curveball.session.testing.RedisSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LazySession} over a
 * {@link org.curveball.session.redis.RedisSessionStore} on a real Redis: Curveball's
 * session lifecycle, the Redis commands each kind of request costs, and what happens with
 * stored data that is not a session.
 */
class LazySessionTests extends AbstractRedisSessionsTests {

	@RegisterExtension
	static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring stored session")
		.and(LazySession.class, "Ignoring session value");

	/**
	 * Run a request and return the commands Redis ran for it. Script internals are
	 * counted under their own names: a save is {@code evalsha} plus the script's
	 * {@code get} and its {@code set} or {@code del}.
	 */
	private Map<String, Long> commandsOf(Runnable request) {
		redis.server().resetStats();
		request.run();
		return sessions.commandCalls();
	}

	@Nested
	class StoreFailures {

		@Test
		void read_failedWhileRedisWasStuck_isTriedAgainAndNeverStartsANewSession() {
			String id = sessions.stored(Map.of("userId", 5));
			LazySession session = sessions.request(id);
			redis.server().commands().clientPause(1500);
			assertThatExceptionOfType(SessionStoreException.class).isThrownBy(() -> session.get("userId"));
			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptionsInstanceOf(SessionStoreException.class)
				.untilAsserted(() -> assertThat(session.get("userId")).isEqualTo(5));
			session.put("name", "Ada");
			assertThat(session.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
			assertThat(sessions.storedValues(id)).containsEntry("userId", 5).containsEntry("name", "Ada");
		}

	}

	@Nested
	class CommandBudget {

		@Test
		void request_neverUsingItsSession_sendsNoCommand() {
			String id = sessions.stored(Map.of("userId", 5));
			Map<String, Long> calls = commandsOf(
					() -> assertThat(sessions.request(id).commit().outcome()).isEqualTo(Outcome.NONE));
			assertThat(calls).isEmpty();
		}

		@Test
		void request_reading_sendsOneGetex() {
			String id = sessions.stored(Map.of("userId", 5));
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(id);
				assertThat(session.get("userId")).isEqualTo(5);
				session.commit();
			});
			assertThat(calls).isEqualTo(Map.of("getex", 1L));
		}

		@Test
		void request_readingSessionStoredInAnotherForm_sendsOneGetexAndLeavesItAsStored() {
			String json = "{ \"userId\": 5, \"name\": \"Ada\", \"admin\": false }";
			String id = sessions.stored(json);
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(id);
				assertThat(session.get("userId")).isEqualTo(5);
				assertThat(session.get("name")).isEqualTo("Ada");
				assertThat(session.get("admin")).isEqualTo(false);
				assertThat(session.get("missing")).isNull();
				assertThat(session.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
			});
			assertThat(calls).isEqualTo(Map.of("getex", 1L));
			assertThat(sessions.storedJson(id)).isEqualTo(json);
		}

		@Test
		void request_readingMapOfSessionStoredInAnotherForm_savesItInCompactForm() {
			String id = sessions.stored("{ \"prefs\": { \"theme\": \"light\" } }");
			LazySession session = sessions.request(id);
			assertThat(session.get("prefs")).isEqualTo(Map.of("theme", "light"));
			session.commit();
			assertThat(sessions.storedJson(id)).isEqualTo("{\"prefs\":{\"theme\":\"light\"}}");
		}

		@Test
		void request_writingExistingSession_sendsGetexAndOneScriptCall() {
			String id = sessions.stored(Map.of("userId", 5));
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(id);
				session.put("visits", 1);
				assertThat(session.commit().outcome()).isEqualTo(Outcome.KEPT);
			});
			assertThat(calls).isEqualTo(Map.of("getex", 1L, "evalsha", 1L, "get", 1L, "set", 1L));
			assertThat(sessions.storedValues(id)).containsExactly(Map.entry("userId", 5), Map.entry("visits", 1));
		}

		@Test
		void request_creatingSession_sendsOneSet() {
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(null);
				session.put("userId", 5);
				assertThat(session.commit().outcome()).isEqualTo(Outcome.CREATED);
			});
			assertThat(calls).isEqualTo(Map.of("set", 1L));
		}

		@Test
		void request_puttingEqualValues_writesNothing() {
			String id = sessions.stored(Map.of("userId", 5, "roles", List.of("admin")));
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(id);
				session.put("userId", 5);
				session.put("roles", List.of("admin"));
				assertThat(session.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
			});
			assertThat(calls).isEqualTo(Map.of("getex", 1L));
		}

		@Test
		void request_invalidatingWithoutReading_sendsOneDel() {
			String id = sessions.stored(Map.of("userId", 5));
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(id);
				session.invalidate();
				assertThat(session.commit().outcome()).isEqualTo(Outcome.ENDED);
			});
			assertThat(calls).isEqualTo(Map.of("del", 1L));
			assertThat(sessions.exists(id)).isFalse();
		}

	}

	@Nested
	class Lifecycle {

		@Test
		void read_restartsKeyExpiry() {
			String id = sessions.newId();
			sessions.raw().set(RedisStoreConnection.key(id), "{\"userId\":5}", SetArgs.Builder.px(10_000));
			sessions.request(id).get("userId");
			assertThat(sessions.raw().pttl(RedisStoreConnection.key(id)))
				.isGreaterThan(RedisSessions.SETTINGS.expiry().minusSeconds(10).toMillis());
		}

		@Test
		void commit_newSession_storesValuesAsJsonObjectUnderNewId() {
			LazySession session = sessions.request(null);
			session.put("userId", 5);
			session.put("name", "Zoë");
			SessionCommit commit = session.commit();
			assertThat(commit.outcome()).isEqualTo(Outcome.CREATED);
			assertThat(SessionIds.isWellFormed(commit.id())).isTrue();
			assertThat(sessions.storedJson(commit.id())).isEqualTo("{\"userId\":5,\"name\":\"Zoë\"}");
		}

		@Test
		void commit_changeInsideMapFromGet_isSaved() {
			String id = sessions.stored(Map.of("prefs", Map.of("theme", "light")));
			LazySession session = sessions.request(id);
			@SuppressWarnings("unchecked")
			Map<String, Object> prefs = (Map<String, Object>) session.get("prefs");
			prefs.put("theme", "dark");
			session.commit();
			assertThat(sessions.storedValues(id)).containsEntry("prefs", Map.of("theme", "dark"));
		}

		@Test
		void commit_changeInsideListFromGet_isSaved() {
			String id = sessions.stored(Map.of("cart", List.of("apple")));
			LazySession session = sessions.request(id);
			@SuppressWarnings("unchecked")
			List<Object> cart = (List<Object>) session.get("cart");
			cart.add("pear");
			session.commit();
			assertThat(sessions.storedValues(id)).containsEntry("cart", List.of("apple", "pear"));
		}

		@Test
		void commit_objectMutatedAfterPut_savesItsStateAtCommit() {
			LazySession session = sessions.request(null);
			Cart cart = new Cart();
			session.put("cart", cart);
			cart.items().add("apple");
			String id = session.commit().id();
			assertThat(sessions.storedValues(id)).containsEntry("cart", Map.of("items", List.of("apple")));
		}

		@Test
		void commit_objectMutatedAfterEarlierCommit_isSavedByNextCommit() {
			LazySession session = sessions.request(null);
			Cart cart = new Cart();
			session.put("cart", cart);
			String id = session.commit().id();
			cart.items().add("pear");
			assertThat(session.commit()).isEqualTo(new SessionCommit(Outcome.KEPT, id));
			assertThat(sessions.storedValues(id)).containsEntry("cart", Map.of("items", List.of("pear")));
		}

		@Test
		void get_withType_convertsStoredObject() {
			String id = sessions.stored(Map.of("cart", Map.of("items", List.of("apple"))));
			Cart cart = sessions.request(id).get("cart", Cart.class);
			assertThat(cart.items()).containsExactly("apple");
		}

		@Test
		void commit_sessionEmptiedByRemove_deletesKey() {
			String id = sessions.stored(Map.of("userId", 5));
			LazySession session = sessions.request(id);
			session.remove("userId");
			assertThat(session.commit().outcome()).isEqualTo(Outcome.ENDED);
			assertThat(sessions.exists(id)).isFalse();
		}

		@Test
		void commit_sessionCleared_deletesKey() {
			String id = sessions.stored(Map.of("userId", 5, "name", "Ada"));
			LazySession session = sessions.request(id);
			session.clear();
			assertThat(session.commit().outcome()).isEqualTo(Outcome.ENDED);
			assertThat(sessions.exists(id)).isFalse();
		}

		@Test
		void commit_unknownIdWritten_storesUnderNewIdNeverTheRequestedOne() {
			String unknown = sessions.newId();
			LazySession session = sessions.request(unknown);
			assertThat(session.isEmpty()).isTrue();
			session.put("userId", 5);
			SessionCommit commit = session.commit();
			assertThat(commit.outcome()).isEqualTo(Outcome.CREATED);
			assertThat(commit.id()).isNotEqualTo(unknown);
			assertThat(sessions.exists(unknown)).isFalse();
			assertThat(sessions.storedValues(commit.id())).containsExactly(Map.entry("userId", 5));
		}

		@Test
		void commit_unknownIdOnlyRead_storesNothing() {
			LazySession session = sessions.request(sessions.newId());
			assertThat(session.get("userId")).isNull();
			assertThat(session.commit().outcome()).isEqualTo(Outcome.NONE);
			assertThat(sessions.raw().dbsize()).isZero();
		}

		@Test
		void regenerateId_movesValuesToNewIdAndDeletesOldKeyWithoutRename() {
			String oldId = sessions.stored(Map.of("userId", 5));
			SessionCommit[] commit = new SessionCommit[1];
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(oldId);
				session.regenerateId();
				session.put("role", "admin");
				commit[0] = session.commit();
			});
			assertThat(commit[0].outcome()).isEqualTo(Outcome.CREATED);
			assertThat(commit[0].id()).isNotEqualTo(oldId);
			assertThat(sessions.storedValues(commit[0].id())).containsExactly(Map.entry("userId", 5),
					Map.entry("role", "admin"));
			assertThat(sessions.exists(oldId)).isFalse();
			assertThat(calls).doesNotContainKey("rename").isEqualTo(Map.of("getex", 1L, "set", 1L, "del", 1L));
		}

		@Test
		void invalidate_deletesStoredSession() {
			String id = sessions.stored(Map.of("userId", 5));
			LazySession session = sessions.request(id);
			assertThat(session.get("userId")).isEqualTo(5);
			session.invalidate();
			assertThat(session.isEmpty()).isTrue();
			assertThat(session.commit()).isEqualTo(new SessionCommit(Outcome.ENDED, null));
			assertThat(sessions.exists(id)).isFalse();
		}

		@Test
		void invalidate_thenPut_startsNewSessionUnderNewId() {
			String oldId = sessions.stored(Map.of("userId", 5));
			LazySession session = sessions.request(oldId);
			session.invalidate();
			session.put("flash", "bye");
			SessionCommit commit = session.commit();
			assertThat(commit.outcome()).isEqualTo(Outcome.CREATED);
			assertThat(commit.id()).isNotEqualTo(oldId);
			assertThat(sessions.exists(oldId)).isFalse();
			assertThat(sessions.storedValues(commit.id())).containsExactly(Map.entry("flash", "bye"));
		}

	}

	@Nested
	class StoredDataThatIsNotASession {

		static Stream<String> notJsonObjects() {
			return Stream.of("not json", "[1,2,3]", "42", "\"text\"", "true", "null", "{\"userId\":", "{\"a\":1}{", "");
		}

		@ParameterizedTest
		@MethodSource("notJsonObjects")
		void read_storedValueNotJsonObject_readsAsEmpty(String stored) {
			String id = sessions.stored(stored);
			LazySession session = sessions.request(id);
			assertThat(session.isEmpty()).isTrue();
			assertThat(session.commit().outcome()).isEqualTo(Outcome.NONE);
		}

		@ParameterizedTest
		@MethodSource("notJsonObjects")
		void write_storedValueNotJsonObject_storesUnderNewId(String stored) {
			String id = sessions.stored(stored);
			assertWriteGoesUnderNewId(id);
		}

		@Test
		void read_keyOfAnotherRedisType_readsAsEmpty() {
			String id = storedHash();
			LazySession session = sessions.request(id);
			assertThat(session.isEmpty()).isTrue();
			assertThat(session.commit().outcome()).isEqualTo(Outcome.NONE);
		}

		@Test
		void write_keyOfAnotherRedisType_storesUnderNewId() {
			assertWriteGoesUnderNewId(storedHash());
		}

		@Test
		void read_storedValueNotUtf8_readsAsEmpty() {
			LazySession session = sessions.request(storedLatin1());
			assertThat(session.isEmpty()).isTrue();
			assertThat(session.commit().outcome()).isEqualTo(Outcome.NONE);
		}

		@Test
		void write_storedValueNotUtf8_storesUnderNewId() {
			assertWriteGoesUnderNewId(storedLatin1());
		}

		@Test
		void read_storedValueNotJsonObject_logsFingerprintNotId() {
			String id = sessions.stored("[1,2,3]");
			sessions.request(id).isEmpty();
			assertThat(warnings.messages())
				.anySatisfy((message) -> assertThat(message).contains(SessionIds.fingerprint(id)).doesNotContain(id));
		}

		private String storedLatin1() {
			return sessions.storedBytes("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1));
		}

		private String storedHash() {
			String id = sessions.newId();
			sessions.raw().hset(RedisStoreConnection.key(id), "userId", "5");
			return id;
		}

		private void assertWriteGoesUnderNewId(String id) {
			LazySession session = sessions.request(id);
			session.put("userId", 5);
			SessionCommit commit = session.commit();
			assertThat(commit.outcome()).isEqualTo(Outcome.CREATED);
			assertThat(commit.id()).isNotEqualTo(id);
			assertThat(sessions.storedValues(commit.id())).containsExactly(Map.entry("userId", 5));
		}

	}

	@Nested
	class Limits {

		private static final String TOO_LARGE = "x".repeat(130 * 1024);

		@Test
		void commit_newSessionOverMaxSize_failsNamingPropertyAndWritesNothing() {
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(null);
				session.put("blob", TOO_LARGE);
				assertTooLarge(session);
			});
			assertThat(calls).isEmpty();
			assertThat(sessions.raw().dbsize()).isZero();
		}

		@Test
		void commit_existingSessionOverMaxSize_failsAndKeepsStoredSession() {
			String id = sessions.stored(Map.of("userId", 5));
			String before = sessions.storedJson(id);
			Map<String, Long> calls = commandsOf(() -> {
				LazySession session = sessions.request(id);
				session.put("blob", TOO_LARGE);
				assertTooLarge(session);
			});
			assertThat(calls).isEqualTo(Map.of("getex", 1L));
			assertThat(sessions.storedJson(id)).isEqualTo(before);
		}

		@Test
		void commit_justUnderMaxSize_isSaved() {
			LazySession session = sessions.request(null);
			session.put("blob", "x".repeat(120 * 1024));
			assertThat(session.commit().outcome()).isEqualTo(Outcome.CREATED);
		}

		private void assertTooLarge(LazySession session) {
			assertThatExceptionOfType(SessionTooLargeException.class).isThrownBy(session::commit)
				.satisfies((ex) -> assertThat(ex.getSize()).isGreaterThan(ex.getLimit()))
				.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(RedisSessions.SETTINGS.maxSize()))
				.withMessageContaining("nothing was saved");
		}

	}

	@Nested
	class StoredTypeIds {

		private static final String PAYLOAD = """
				{"payload":{"@class":"java.lang.ProcessBuilder","command":["touch","/tmp/pwned"]},\
				"wrapped":["java.lang.ProcessBuilder",{"command":["id"]}],\
				"@type":"java.lang.Runtime"}""";

		@Test
		void read_valuesWithTypeIdsOffTheAllowList_readAsAbsentOrAsPlainJson() {
			LazySession session = sessions.request(sessions.stored(PAYLOAD));
			assertThat(session.get("payload")).isNull();
			assertThat(session.get("payload", Object.class)).isNull();
			assertThat(session.get("wrapped")).isInstanceOf(List.class);
			assertThat(session.get("@type")).isEqualTo("java.lang.Runtime");
		}

		@Test
		void save_valuesWithTypeIds_keepsThemAsStored() {
			String id = sessions.stored(PAYLOAD);
			LazySession session = sessions.request(id);
			session.put("userId", 5);
			session.commit();
			assertThat(sessions.storedJson(id)).startsWith(PAYLOAD.substring(0, PAYLOAD.length() - 1))
				.endsWith(",\"userId\":5}");
		}

	}

	@Nested
	class Csrf {

		@Test
		void csrfToken_newSession_createsTokenStoredUnderCsrfTokenKey() {
			LazySession session = sessions.request(null);
			String token = session.csrfToken();
			assertThat(Base64.getDecoder().decode(token)).hasSize(32);
			String id = session.commit().id();
			assertThat(sessions.storedValues(id)).containsEntry("csrf-token", token);
		}

		@Test
		void csrfToken_laterRequest_returnsStoredToken() {
			LazySession first = sessions.request(null);
			String token = first.csrfToken();
			assertThat(first.csrfToken()).isEqualTo(token);
			String id = first.commit().id();
			assertThat(sessions.request(id).csrfToken()).isEqualTo(token);
		}

		@Test
		void validateCsrf_rightTokenAsArgument_passes() {
			String id = sessionWithToken("secret-token");
			assertThatNoException().isThrownBy(() -> sessions.request(id).validateCsrf("secret-token"));
		}

		@Test
		void validateCsrf_rightTokenInRequest_passes() {
			String id = sessionWithToken("secret-token");
			assertThatNoException().isThrownBy(() -> sessions.request(id, "secret-token").validateCsrf());
		}

		@Test
		void validateCsrf_wrongToken_throwsCsrfException() {
			String id = sessionWithToken("secret-token");
			assertThatExceptionOfType(CsrfException.class)
				.isThrownBy(() -> sessions.request(id, "secret-token").validateCsrf("secret-tokeN"));
		}

		@Test
		void validateCsrf_noTokenInRequest_throwsCsrfException() {
			String id = sessionWithToken("secret-token");
			assertThatExceptionOfType(CsrfException.class).isThrownBy(() -> sessions.request(id).validateCsrf());
			assertThatExceptionOfType(CsrfException.class).isThrownBy(() -> sessions.request(id).validateCsrf(""));
		}

		@Test
		void validateCsrf_sessionWithoutToken_throwsCsrfException() {
			String id = sessions.stored(Map.of("userId", 5));
			assertThatExceptionOfType(CsrfException.class)
				.isThrownBy(() -> sessions.request(id).validateCsrf("secret-token"));
		}

		private String sessionWithToken(String token) {
			return sessions.stored(Map.of(LazySession.CSRF_TOKEN_KEY, token));
		}

	}

	/**
	 * A mutable object a handler might keep in its session.
	 *
	 * @param items what the cart holds
	 */
	record Cart(List<String> items) {

		Cart() {
			this(new ArrayList<>());
		}

	}

}
