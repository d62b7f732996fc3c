package org.curveball.session.core;

import org.jspecify.annotations.Nullable;

/**
 * What saving a session did, so that the web layer can set or clear its cookie.
 *
 * @param outcome what happened to the session
 * @param id the id of the session that now exists, or {@code null} if none does
 */
public record SessionCommit(Outcome outcome, @Nullable String id) {

	static final SessionCommit NONE = new SessionCommit(Outcome.NONE, null);

	static final SessionCommit ENDED = new SessionCommit(Outcome.ENDED, null);

	/**
	 * What happened to a session when its request ended.
	 */
	public enum Outcome {

		/**
		 * There was no session and none was created.
		 */
		NONE,

		/**
		 * The session kept its id; it was saved if its values changed.
		 */
		KEPT,

		/**
		 * A session was stored under a new id: the client needs a new cookie.
		 */
		CREATED,

		/**
		 * The session was deleted: the client's cookie is obsolete.
		 */
		ENDED

	}

}
