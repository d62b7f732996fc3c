package org.curveball.session.principal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A session as the index of its principal's sessions knows it.
 * <p>
 * The id is the session's secret: whoever has it has the session. Keep it on the server;
 * never log it or send it to a page (a
 * {@link org.curveball.session.SessionIds#fingerprint fingerprint} stands for it in logs,
 * {@link PrincipalSession} on a page).
 *
 * @param id the session's id
 * @param signedIn when the principal signed in to the session
 * @param lastAccessed when a request last read or wrote the session, as its idle expiry
 * tells: the sign-in time while the sign-in's own request has not stored it yet
 * @param device what the client said it is when it signed in (its {@code User-Agent}), or
 * {@code null} if it said nothing
 */
public record IndexedSession(String id, Instant signedIn, Instant lastAccessed, @Nullable String device) {

	@Override
	public String toString() {
		return "IndexedSession[signedIn=" + this.signedIn + ", lastAccessed=" + this.lastAccessed + ", device="
				+ this.device + "]";
	}

}
