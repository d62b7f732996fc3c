package org.curveball.session;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link SessionStore} keeps: Curveball's four operations (get with a
 * sliding expiry, set with an expiry, delete, new id) and the conditional
 * {@link SessionStore#replace replace} that concurrent saves rely on.
 * <p>
 * A subclass provides the store under test and a way to let time pass as that store sees
 * it; each test starts with an empty store.
 */
public abstract class AbstractSessionStoreTests {

	/**
	 * An expiry short enough to wait for.
	 */
	protected static final Duration SHORT_EXPIRY = Duration.ofMillis(300);

	/**
	 * An expiry that no test outlives.
	 */
	protected static final Duration LONG_EXPIRY = Duration.ofHours(1);

	private static final Duration PAST_SHORT_EXPIRY = SHORT_EXPIRY.plusMillis(200);

	private static final String JSON = "{\"userId\":5,\"name\":\"Zoë\",\"roles\":[\"admin\"],\"prefs\":{\"dark\":true}}";

	private static final String OTHER_JSON = "{\"userId\":6}";

	/**
	 * Return the store under test.
	 * @return the store
	 */
	protected abstract SessionStore store();

	/**
	 * Let at least the given time pass, as the store measures expiry.
	 * @param duration how long
	 */
	protected abstract void elapse(Duration duration);

	/**
	 * Store a session with a new id and a long expiry.
	 * @param json the session's JSON
	 * @return its id
	 */
	protected final String storedSession(String json) {
		String id = store().newSessionId();
		store().set(id, json, LONG_EXPIRY);
		return id;
	}

	@Test
	void get_unknownId_returnsNull() {
		assertThat(store().get(store().newSessionId(), LONG_EXPIRY)).isNull();
	}

	@Test
	void get_afterSet_returnsSameJson() {
		String id = storedSession(JSON);
		assertThat(store().get(id, LONG_EXPIRY)).isEqualTo(JSON);
	}

	@Test
	void set_existingId_overwritesJson() {
		String id = storedSession(JSON);
		store().set(id, OTHER_JSON, LONG_EXPIRY);
		assertThat(store().get(id, LONG_EXPIRY)).isEqualTo(OTHER_JSON);
	}

	@Test
	void set_sessionNotReadWithinExpiry_expires() {
		String id = store().newSessionId();
		store().set(id, JSON, SHORT_EXPIRY);
		elapse(PAST_SHORT_EXPIRY);
		assertThat(store().get(id, LONG_EXPIRY)).isNull();
	}

	@Test
	void get_restartsExpiryWithGivenDuration() {
		String id = storedSession(JSON);
		assertThat(store().get(id, SHORT_EXPIRY)).isEqualTo(JSON);
		elapse(PAST_SHORT_EXPIRY);
		assertThat(store().get(id, LONG_EXPIRY)).isNull();
	}

	@Test
	void get_sessionReadBeforeExpiry_staysAlivePastItsFirstExpiry() {
		Duration expiry = Duration.ofMillis(1500);
		String id = store().newSessionId();
		store().set(id, JSON, expiry);
		for (int i = 0; i < 2; i++) {
			elapse(Duration.ofMillis(900));
			assertThat(store().get(id, expiry)).as("read %d", i).isEqualTo(JSON);
		}
	}

	@Test
	void delete_existingSession_removesIt() {
		String id = storedSession(JSON);
		store().delete(id);
		assertThat(store().get(id, LONG_EXPIRY)).isNull();
	}

	@Test
	void delete_unknownId_doesNothing() {
		String kept = storedSession(JSON);
		store().delete(store().newSessionId());
		assertThat(store().get(kept, LONG_EXPIRY)).isEqualTo(JSON);
	}

	@Test
	void newSessionId_isCurveballFormatAndDistinct() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String id = store().newSessionId();
			assertThat(id).hasSize(44).matches("[A-Za-z0-9+/]{43}=");
			assertThat(Base64.getDecoder().decode(id)).hasSize(32);
			ids.add(id);
		}
		assertThat(ids).hasSize(1000);
	}

	@Test
	void replace_expectedMatches_storesNewJson() {
		String id = storedSession(JSON);
		assertThat(store().replace(id, JSON, OTHER_JSON, LONG_EXPIRY)).isEqualTo(new ReplaceResult.Replaced());
		assertThat(store().get(id, LONG_EXPIRY)).isEqualTo(OTHER_JSON);
	}

	@Test
	void replace_restartsExpiryWithGivenDuration() {
		String id = storedSession(JSON);
		store().replace(id, JSON, OTHER_JSON, SHORT_EXPIRY);
		elapse(PAST_SHORT_EXPIRY);
		assertThat(store().get(id, LONG_EXPIRY)).isNull();
	}

	@Test
	void replace_storedJsonDiffers_returnsConflictWithCurrentAndWritesNothing() {
		String id = storedSession(OTHER_JSON);
		assertThat(store().replace(id, JSON, "{\"mine\":1}", LONG_EXPIRY))
			.isEqualTo(new ReplaceResult.Conflict(OTHER_JSON));
		assertThat(store().get(id, LONG_EXPIRY)).isEqualTo(OTHER_JSON);
	}

	@Test
	void replace_missingSession_returnsMissingAndDoesNotRecreateIt() {
		String id = store().newSessionId();
		assertThat(store().replace(id, JSON, OTHER_JSON, LONG_EXPIRY)).isEqualTo(new ReplaceResult.Missing());
		assertThat(store().get(id, LONG_EXPIRY)).isNull();
	}

	@Test
	void replace_expiredSession_returnsMissingAndDoesNotRecreateIt() {
		String id = store().newSessionId();
		store().set(id, JSON, SHORT_EXPIRY);
		elapse(PAST_SHORT_EXPIRY);
		assertThat(store().replace(id, JSON, OTHER_JSON, LONG_EXPIRY)).isEqualTo(new ReplaceResult.Missing());
		assertThat(store().get(id, LONG_EXPIRY)).isNull();
	}

	@Test
	void replace_nullJson_deletesSession() {
		String id = storedSession(JSON);
		assertThat(store().replace(id, JSON, null, LONG_EXPIRY)).isEqualTo(new ReplaceResult.Replaced());
		assertThat(store().get(id, LONG_EXPIRY)).isNull();
	}

	@Test
	void replace_nullJsonButStoredJsonDiffers_keepsSession() {
		String id = storedSession(OTHER_JSON);
		assertThat(store().replace(id, JSON, null, LONG_EXPIRY)).isEqualTo(new ReplaceResult.Conflict(OTHER_JSON));
		assertThat(store().get(id, LONG_EXPIRY)).isEqualTo(OTHER_JSON);
	}

}
