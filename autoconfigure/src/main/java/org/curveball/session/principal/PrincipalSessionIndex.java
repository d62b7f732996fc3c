package org.curveball.session.principal;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The index of each principal's sessions, kept beside the sessions by the store's own
 * means: written when a session's principal changes (sign-in, sign-out, a new id, the end
 * of the session), never when a session is read or saved.
 * <p>
 * Entries of sessions that expired, or that were deleted where the index did not hear of
 * it, are recognised and removed when the principal's sessions are listed.
 * Implementations report a store failure as
 * {@link org.curveball.session.SessionStoreException}.
 */
public interface PrincipalSessionIndex {

	/**
	 * Return a principal's sessions that exist, or that a sign-in is storing right now,
	 * oldest sign-in first; entries of sessions that no longer exist are removed.
	 * @param principal the principal's name
	 * @return the sessions
	 */
	List<IndexedSession> sessions(String principal);

	/**
	 * Add a session to a principal's, signed in now.
	 * @param principal the principal's name
	 * @param sessionId the session's id
	 * @param device what the client said it is, or {@code null}
	 * @param listed the ids of the principal's sessions that a check of this sign-in was
	 * made on, or {@code null} to add the session whatever the others are
	 * @throws SignInConflictException if the principal has a session that is not among
	 * {@code listed}: another sign-in was added since they were listed, and nothing was
	 * written
	 */
	void add(String principal, String sessionId, @Nullable String device, @Nullable Collection<String> listed);

	/**
	 * Follow a session of a principal to the id it is stored under now, keeping its
	 * entry; a session missing from the principal's is added, as signed in now.
	 * @param principal the principal's name
	 * @param previousId the id it moved from, or {@code null} for a session that was
	 * stored under its first id
	 * @param sessionId the id it is stored under now
	 */
	void follow(String principal, @Nullable String previousId, String sessionId);

	/**
	 * Mark a session of a principal expired: it is no longer listed nor counted, and its
	 * entry stays, as a tombstone, until the session is gone, so that a save of the
	 * session's own sign-in that comes late does not add it again.
	 * @param principal the principal's name
	 * @param sessionId the session's id
	 */
	void expire(String principal, String sessionId);

	/**
	 * Remove sessions from a principal's.
	 * @param principal the principal's name
	 * @param sessionIds the ids of the sessions
	 */
	void remove(String principal, Collection<String> sessionIds);

}
