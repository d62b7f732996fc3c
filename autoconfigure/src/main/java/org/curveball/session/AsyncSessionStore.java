package org.curveball.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The operations of a {@link SessionStore} for stores that never block the calling
 * thread: each returns at once, with a future that completes when the store answered. The
 * session engine runs the same decisions over either kind of store.
 * <p>
 * Implementations complete their futures exceptionally with {@link SessionStoreException}
 * for their own failures and with {@link MalformedSessionException} for data of the wrong
 * kind; they never throw.
 */
public interface AsyncSessionStore {

	/**
	 * Return a session's JSON and restart its idle expiry, in one operation.
	 * @param id the session id
	 * @param expiry the idle time after which the session expires
	 * @return the stored JSON, or {@code null} if no such session exists
	 * @see SessionStore#get(String, Duration)
	 */
	CompletableFuture<@Nullable String> get(String id, Duration expiry);

	/**
	 * Store a session's JSON unconditionally.
	 * @param id the session id
	 * @param json the session's values as one JSON object
	 * @param expiry the idle time after which the session expires
	 * @return completes once it is stored
	 * @see SessionStore#set(String, String, Duration)
	 */
	CompletableFuture<Void> set(String id, String json, Duration expiry);

	/**
	 * Replace a session's JSON only if it is still the one that was read.
	 * @param id the session id
	 * @param expected the JSON that was read
	 * @param json the JSON to store, or {@code null} to delete the session
	 * @param expiry the idle time after which the session expires
	 * @return what happened
	 * @see SessionStore#replace(String, String, String, Duration)
	 */
	CompletableFuture<ReplaceResult> replace(String id, String expected, @Nullable String json, Duration expiry);

	/**
	 * Delete a session; deleting a missing session does nothing.
	 * @param id the session id
	 * @return completes once it is deleted
	 */
	CompletableFuture<Void> delete(String id);

	/**
	 * Create a new session id that no session holds yet, without a call to the store.
	 * @return the id
	 */
	String newSessionId();

}
