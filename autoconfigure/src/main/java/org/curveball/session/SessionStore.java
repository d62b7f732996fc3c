package org.curveball.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where sessions are kept: Curveball's {@code SessionStore} operations over the session's
 * JSON, plus the conditional write that keeps concurrent requests from losing each
 * other's changes.
 * <p>
 * Implementations translate their own failures into {@link SessionStoreException} and
 * report data of the wrong kind as {@link MalformedSessionException}.
 */
public interface SessionStore {

	/**
	 * Return a session's JSON and restart its idle expiry, in one operation.
	 * @param id the session id
	 * @param expiry the idle time after which the session expires
	 * @return the stored JSON, or {@code null} if no such session exists
	 */
	@Nullable String get(String id, Duration expiry);

	/**
	 * Store a session's JSON unconditionally.
	 * @param id the session id
	 * @param json the session's values as one JSON object
	 * @param expiry the idle time after which the session expires
	 */
	void set(String id, String json, Duration expiry);

	/**
	 * Replace a session's JSON only if it is still the one that was read.
	 * @param id the session id
	 * @param expected the JSON that was read
	 * @param json the JSON to store, or {@code null} to delete the session
	 * @param expiry the idle time after which the session expires
	 * @return what happened
	 */
	ReplaceResult replace(String id, String expected, @Nullable String json, Duration expiry);

	/**
	 * Delete a session; deleting a missing session does nothing.
	 * @param id the session id
	 */
	void delete(String id);

	/**
	 * Create a new session id that no session holds yet.
	 * @return the id
	 */
	String newSessionId();

}
