/**
 * Spring Security over Curveball sessions: the types Spring Security keeps in sessions,
 * and the {@code SessionRegistry} and {@code ReactiveSessionRegistry} behind its
 * concurrent-session control, backed by the index of each user's sessions.
 */
@NullMarked
package org.curveball.session.security;

import org.jspecify.annotations.NullMarked;
