package org.curveball.session;

/**
 * The outcome of {@link SessionStore#replace}.
 */
public sealed interface ReplaceResult {

	/**
	 * The JSON was stored (or the session deleted) as asked.
	 */
	record Replaced() implements ReplaceResult {
	}

	/**
	 * The session no longer exists: another request deleted it or it expired.
	 */
	record Missing() implements ReplaceResult {
	}

	/**
	 * Another request changed the session since it was read; nothing was written.
	 *
	 * @param current the JSON now stored
	 */
	record Conflict(String current) implements ReplaceResult {
	}

}
