package org.curveball.session.principal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One of a principal's sessions, as a page that lists where the user is signed in shows
 * it: without its id.
 *
 * @param current whether it is the session of the request that asked
 * @param signedIn when the principal signed in to it
 * @param lastAccessed when a request last read or wrote it
 * @param device what the client said it is when it signed in (its {@code User-Agent}), or
 * {@code null} if it said nothing
 */
public record PrincipalSession(boolean current, Instant signedIn, Instant lastAccessed, @Nullable String device) {

}
