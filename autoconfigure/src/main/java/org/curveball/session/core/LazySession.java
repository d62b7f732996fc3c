package org.curveball.session.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.curveball.session.CsrfException;
import org.curveball.session.MalformedSessionException;
import org.curveball.session.Session;
import org.curveball.session.SessionIdListener;
import org.curveball.session.SessionIds;
import org.curveball.session.SessionStoreException;
import org.curveball.session.SessionTooLargeException;
import org.curveball.session.UnreadableAttributeException;
import org.curveball.session.json.SessionAttributeTypes;
import org.curveball.session.json.TypedAttribute;

/**
 * The session of one request: loaded from the store on first use, saved by
 * {@link #commit()} when the request ends.
 * <p>
 * A save writes only when the session's JSON differs from what was read, so changes made
 * inside a mutable value are saved too. A request that only read strings, numbers and
 * booleans cannot have changed the session, and its save writes without serializing. It
 * is a compare-and-set: when another request changed the session in between, this
 * request's set and removed keys are applied again on top of the other's, and when
 * another request deleted it, it stays deleted. Saves of one session that meet on this
 * instance are written together ({@link GroupCommit}).
 */
public final class LazySession implements Session {

	static final String CSRF_TOKEN_KEY = "csrf-token";

	private static final Log logger = LogFactory.getLog(LazySession.class);

	private final SessionManager manager;

	private final Supplier<@Nullable String> requestCsrfToken;

	private @Nullable String requestedId;

	private @Nullable Map<String, @Nullable Object> values;

	private @Nullable String id;

	private @Nullable String newId;

	private @Nullable String storedJson;

	private @Nullable String obsoleteId;

	private @Nullable String obsoleteJson;

	private @Nullable Instant createdAt;

	private boolean regenerating;

	/**
	 * Whether the values are known to be as stored: read or last saved, and since then
	 * neither changed through this session nor holding a value that can be changed in
	 * place by code outside it.
	 */
	private boolean unchanged;

	private @Nullable CompletableFuture<LazySession> loading;

	LazySession(SessionManager manager, @Nullable String requestedId, Supplier<@Nullable String> requestCsrfToken) {
		this.manager = manager;
		this.requestedId = requestedId;
		this.requestCsrfToken = requestCsrfToken;
	}

	@Override
	public @Nullable Object get(String key) {
		Map<String, @Nullable Object> current = values();
		Object value = current.get(key);
		if (isImmutable(value)) {
			return value;
		}
		this.unchanged = false;
		if (value instanceof TypedAttribute typed) {
			return typed.value();
		}
		SessionAttributeTypes types = this.manager.codec().attributeTypes();
		if (!types.isTyped(value)) {
			return value;
		}
		try {
			TypedAttribute attribute = types.read(value);
			current.put(key, attribute);
			return attribute.value();
		}
		catch (UnreadableAttributeException ex) {
			logger.warn("Ignoring session value '" + key + "': " + ex.getMessage());
			return null;
		}
	}

	@Override
	public <T> @Nullable T get(String key, Class<T> type) {
		Object value = get(key);
		if (value == null) {
			return null;
		}
		return type.isInstance(value) ? type.cast(value) : this.manager.codec().convert(value, type);
	}

	@Override
	public void put(String key, @Nullable Object value) {
		values().put(Objects.requireNonNull(key, "key"), value);
		this.unchanged = false;
	}

	@Override
	public void remove(String key) {
		values().remove(key);
		this.unchanged = false;
	}

	@Override
	public void clear() {
		values().clear();
		this.unchanged = false;
	}

	@Override
	public boolean isEmpty() {
		return values().isEmpty();
	}

	@Override
	public Map<String, @Nullable Object> asMap() {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		for (String key : new ArrayList<>(values().keySet())) {
			copy.put(key, get(key));
		}
		return Collections.unmodifiableMap(copy);
	}

	@Override
	public void regenerateId() {
		values();
		this.newId = null;
		if (this.id != null) {
			this.obsoleteId = this.id;
			this.obsoleteJson = this.storedJson;
			this.id = null;
			this.storedJson = null;
			this.regenerating = true;
		}
	}

	@Override
	public void invalidate() {
		String existing = (this.values != null) ? this.id : this.requestedId;
		if (existing != null) {
			this.obsoleteId = existing;
			this.obsoleteJson = this.storedJson;
		}
		this.requestedId = null;
		this.id = null;
		this.newId = null;
		this.storedJson = null;
		this.createdAt = null;
		this.regenerating = false;
		this.unchanged = false;
		this.values = new LinkedHashMap<>();
	}

	/**
	 * Return the session's id without reading it when it was not read yet: the id the
	 * request's cookie names (which may turn out not to be stored), else the stored
	 * session's, else the id a session that is not stored yet will be saved under.
	 * @return the id
	 */
	public String id() {
		if (this.values == null && this.requestedId != null) {
			return this.requestedId;
		}
		values();
		if (this.id != null) {
			return this.id;
		}
		if (this.newId == null) {
			this.newId = this.manager.store().newSessionId();
		}
		return this.newId;
	}

	/**
	 * Return whether the session exists: it is stored, holds values, or was given an id.
	 * Reads the session if it was not read yet.
	 * @return {@code true} if the session exists
	 */
	public boolean exists() {
		return !values().isEmpty() || this.id != null || this.newId != null;
	}

	/**
	 * Return whether the session may exist, without reading it: {@code true} when it was
	 * not read yet and the request's cookie names a session, else whether it exists.
	 * @return {@code false} only when the session is known not to exist
	 */
	public boolean mayExist() {
		return (this.values == null && this.requestedId != null) || exists();
	}

	/**
	 * Return whether the session was read in this request (or, for a request without a
	 * session cookie, made ready for use), without reading it.
	 * @return {@code true} if its values are at hand
	 */
	public boolean isRead() {
		return this.values != null;
	}

	/**
	 * Return the id the session had when this request read it: the id it leaves if this
	 * request moves it to a new id (or ends it), else its {@link #id() id}.
	 * @return the id
	 */
	public String readId() {
		return (this.obsoleteId != null) ? this.obsoleteId : id();
	}

	/**
	 * Return whether the session is stored under its id, rather than new in this request
	 * (or moved to a new id). Reads the session if it was not read yet.
	 * @return {@code true} if the session is stored under its id
	 */
	public boolean isStored() {
		values();
		return this.id != null;
	}

	@Override
	public String csrfToken() {
		if (get(CSRF_TOKEN_KEY) instanceof String token) {
			return token;
		}
		String token = this.manager.newCsrfToken();
		put(CSRF_TOKEN_KEY, token);
		return token;
	}

	@Override
	public void validateCsrf(@Nullable String token) {
		String offered = (token != null) ? token : this.requestCsrfToken.get();
		if (offered == null || offered.isEmpty()) {
			throw new CsrfException("No CSRF token was found in the request");
		}
		if (!(get(CSRF_TOKEN_KEY) instanceof String expected)) {
			throw new CsrfException("No CSRF token exists in the session");
		}
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				offered.getBytes(StandardCharsets.UTF_8))) {
			throw new CsrfException("CSRF token is incorrect");
		}
	}

	/**
	 * Save what this request did to the session. Safe to call more than once: a later
	 * call saves only what changed since the previous one.
	 * @return what happened, for the session cookie
	 * @throws SessionStoreException if the store failed; then nothing was half-written
	 * @throws SessionTooLargeException if the session exceeds the size limit; then
	 * nothing was written
	 */
	public SessionCommit commit() {
		return Futures.join(commitAsync());
	}

	/**
	 * Save what this request did to the session, without waiting for the store: the same
	 * save as {@link #commit()}, for stacks whose threads must not block.
	 * @return what happened, for the session cookie; failed as {@link #commit()} throws
	 */
	public CompletableFuture<SessionCommit> commitAsync() {
		Map<String, @Nullable Object> current = this.values;
		if (current == null) {
			return CompletableFuture.completedFuture(SessionCommit.NONE);
		}
		CompletableFuture<SessionCommit> saved;
		try {
			saved = current.isEmpty() ? commitEmpty() : commitValues(current);
		}
		catch (RuntimeException ex) {
			saved = CompletableFuture.failedFuture(ex);
		}
		return saved.thenCompose(this::endObsolete);
	}

	private CompletableFuture<SessionCommit> endObsolete(SessionCommit result) {
		String obsolete = this.obsoleteId;
		if (obsolete == null) {
			return CompletableFuture.completedFuture(result);
		}
		return this.manager.store().delete(obsolete).thenApply((deleted) -> obsoleteEnded(obsolete, result));
	}

	private SessionCommit obsoleteEnded(String obsolete, SessionCommit result) {
		String obsoleteValues = this.obsoleteJson;
		boolean moved = this.regenerating && result.outcome() == SessionCommit.Outcome.CREATED;
		this.obsoleteId = null;
		this.obsoleteJson = null;
		if (this.regenerating) {
			this.manager.observer().sessionRegenerated();
		}
		else {
			this.manager.observer().sessionEnded();
		}
		this.regenerating = false;
		if (moved) {
			this.manager.idListener().idAssigned(obsolete, Objects.requireNonNull(result.id()), this);
		}
		else {
			notifyEnded(obsolete, obsoleteValues);
		}
		return (result.outcome() == SessionCommit.Outcome.NONE) ? SessionCommit.ENDED : result;
	}

	private CompletableFuture<SessionCommit> commitEmpty() {
		return (this.id != null) ? replace(null) : CompletableFuture.completedFuture(SessionCommit.NONE);
	}

	private CompletableFuture<SessionCommit> commitValues(Map<String, @Nullable Object> current) {
		if (this.unchanged && this.id != null) {
			return CompletableFuture.completedFuture(new SessionCommit(SessionCommit.Outcome.KEPT, this.id));
		}
		SessionLifetime lifetime = this.manager.lifetime();
		Instant created = (this.createdAt != null) ? this.createdAt : lifetime.now();
		String json = this.manager.codec().write(lifetime.stamp(current, created));
		if (json.equals(this.storedJson)) {
			this.unchanged = holdsOnlyImmutable(current);
			return CompletableFuture.completedFuture(new SessionCommit(SessionCommit.Outcome.KEPT, this.id));
		}
		this.manager.sizeLimit().check(json);
		if (this.id != null) {
			return replace(json).thenApply((result) -> {
				this.unchanged = this.values == current && json.equals(this.storedJson) && holdsOnlyImmutable(current);
				return result;
			});
		}
		String createdId = (this.newId != null) ? this.newId : this.manager.store().newSessionId();
		return this.manager.store()
			.set(createdId, json, this.manager.settings().expiry())
			.thenApply((stored) -> created(createdId, json, created, current));
	}

	private SessionCommit created(String createdId, String json, Instant created,
			Map<String, @Nullable Object> current) {
		this.id = createdId;
		this.newId = null;
		this.storedJson = json;
		this.createdAt = created;
		this.unchanged = holdsOnlyImmutable(current);
		if (!this.regenerating) {
			this.manager.observer().sessionCreated();
			this.manager.idListener().idAssigned(null, createdId, this);
		}
		return new SessionCommit(SessionCommit.Outcome.CREATED, createdId);
	}

	private CompletableFuture<SessionCommit> replace(@Nullable String json) {
		String sessionId = Objects.requireNonNull(this.id);
		String read = Objects.requireNonNull(this.storedJson);
		return this.manager.groupCommit()
			.save(sessionId, read, json)
			.thenApply((outcome) -> replaced(sessionId, read, outcome));
	}

	private SessionCommit replaced(String sessionId, String read, GroupCommit.SaveOutcome outcome) {
		if (!(outcome instanceof GroupCommit.Saved saved)) {
			this.values = new LinkedHashMap<>();
			this.id = null;
			this.storedJson = null;
			return SessionCommit.ENDED;
		}
		if (saved.merged() != null) {
			this.values = this.manager.lifetime().strip(this.manager.codec().toValues(saved.merged()));
		}
		this.storedJson = saved.json();
		if (saved.json() == null) {
			this.id = null;
			this.manager.observer().sessionEnded();
			notifyEnded(sessionId, read);
			return SessionCommit.ENDED;
		}
		return new SessionCommit(SessionCommit.Outcome.KEPT, this.id);
	}

	private void notifyEnded(String endedId, @Nullable String lastStoredJson) {
		SessionIdListener listener = this.manager.idListener();
		if (listener != SessionIdListener.NONE) {
			Map<String, @Nullable Object> values = (lastStoredJson != null)
					? this.manager.lifetime().strip(this.manager.codec().read(lastStoredJson)) : Map.of();
			listener.ended(endedId, Collections.unmodifiableMap(values));
		}
	}

	/**
	 * Return whether no value can be changed in place by code that holds it, so that the
	 * values stay as just saved until they are set or removed through this session.
	 * @param values the values
	 * @return {@code true} if every value is {@link #isImmutable immutable}
	 */
	private static boolean holdsOnlyImmutable(Map<String, @Nullable Object> values) {
		for (Object value : values.values()) {
			if (!isImmutable(value)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return whether a value cannot be changed by whoever holds it: JSON's strings,
	 * numbers and booleans as read, or the same JDK types as put.
	 * @param value the value
	 * @return {@code true} for {@code null}, strings, booleans and the JDK's immutable
	 * numbers
	 */
	private static boolean isImmutable(@Nullable Object value) {
		return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof Double || value instanceof Float || value instanceof Short
				|| value instanceof Byte || value.getClass() == BigInteger.class
				|| value.getClass() == BigDecimal.class;
	}

	/**
	 * Read the session from the store if it was not read yet, without waiting for the
	 * store: once the future completes, every method of the session answers without a
	 * call to the store until {@link #commitAsync()}. Stacks whose threads must not block
	 * call it before they hand the session to application code.
	 * @return the session, once read; failed with {@link SessionStoreException} if the
	 * store failed
	 */
	public CompletableFuture<LazySession> loaded() {
		if (this.values != null) {
			return CompletableFuture.completedFuture(this);
		}
		CompletableFuture<LazySession> pending = this.loading;
		if (pending == null) {
			pending = load().thenApply((stored) -> {
				this.values = stored;
				this.loading = null;
				return this;
			});
			if (!pending.isDone()) {
				this.loading = pending;
			}
		}
		return pending;
	}

	private Map<String, @Nullable Object> values() {
		Map<String, @Nullable Object> loaded = this.values;
		if (loaded == null) {
			loaded = Futures.join(loaded()).values;
		}
		return Objects.requireNonNull(loaded);
	}

	private CompletableFuture<Map<String, @Nullable Object>> load() {
		String requested = this.requestedId;
		if (requested == null) {
			return CompletableFuture.completedFuture(new LinkedHashMap<>());
		}
		return this.manager.store()
			.get(requested, this.manager.settings().expiry())
			.thenApply((json) -> read(requested, json))
			.exceptionally((ex) -> ignoreMalformed(requested, ex));
	}

	private Map<String, @Nullable Object> read(String requested, @Nullable String json) {
		this.requestedId = null;
		if (json == null) {
			return new LinkedHashMap<>();
		}
		Map<String, @Nullable Object> stored = this.manager.codec().read(json);
		boolean stamped = this.manager.lifetime().isStamped(stored);
		Instant created = this.manager.lifetime().admit(stored);
		if (created == null) {
			logger.debug("Session " + SessionIds.fingerprint(requested) + " outlived its maximum lifetime");
			this.obsoleteId = requested;
			this.obsoleteJson = json;
			return new LinkedHashMap<>();
		}
		this.id = requested;
		this.storedJson = json;
		this.createdAt = created;
		this.unchanged = stamped;
		return stored;
	}

	private Map<String, @Nullable Object> ignoreMalformed(String requested, Throwable failure) {
		if (!(Futures.cause(failure) instanceof MalformedSessionException ex)) {
			throw Futures.rethrow(failure);
		}
		this.requestedId = null;
		logger.warn("Ignoring stored session " + SessionIds.fingerprint(requested) + ": " + ex.getMessage());
		return new LinkedHashMap<>();
	}

}
